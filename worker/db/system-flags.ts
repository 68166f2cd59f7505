import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { systemFlags } from "./schema-sending";

export async function readFlag(db: Db, name: string): Promise<string | null> {
	const [row] = await db.select({ value: systemFlags.value }).from(systemFlags).where(eq(systemFlags.name, name));
	return row?.value ?? null;
}

export async function writeFlag(db: Db, name: string, value: string) {
	await db
		.insert(systemFlags)
		.values({ name, value, updatedAt: new Date() })
		.onConflictDoUpdate({ target: systemFlags.name, set: { value, updatedAt: new Date() } });
}
