import { drizzle } from "drizzle-orm/d1";
import * as authSchema from "./schema";
import * as contactSchema from "./schema-contacts";

const schema = { ...authSchema, ...contactSchema };

export type Db = ReturnType<typeof createDb>;

export function createDb(d1: D1Database) {
	return drizzle(d1, { schema });
}
