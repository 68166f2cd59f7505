import { drizzle } from "drizzle-orm/d1";
import * as authSchema from "./schema";
import * as assistantSchema from "./schema-assistant";
import * as campaignSchema from "./schema-campaigns";
import * as contactSchema from "./schema-contacts";
import * as templateSchema from "./schema-templates";

const schema = { ...authSchema, ...assistantSchema, ...contactSchema, ...templateSchema, ...campaignSchema };

export type Db = ReturnType<typeof createDb>;

export function createDb(d1: D1Database) {
	return drizzle(d1, { schema });
}
