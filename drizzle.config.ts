import { defineConfig } from "drizzle-kit";

export default defineConfig({
	dialect: "sqlite",
	// Every table lives in one of worker/db/schema*.ts (schema.ts for accounts, one file per area for the rest).
	schema: "./worker/db/schema*.ts",
	out: "./migrations",
});
