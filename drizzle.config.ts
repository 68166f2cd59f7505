import { defineConfig } from "drizzle-kit";

export default defineConfig({
	dialect: "sqlite",
	schema: [
		"./worker/db/schema.ts",
		"./worker/db/schema-contacts.ts",
		"./worker/db/schema-templates.ts",
		"./worker/db/schema-campaigns.ts",
		"./worker/db/schema-assistant.ts",
		"./worker/db/schema-sending.ts",
	],
	out: "./migrations",
});
