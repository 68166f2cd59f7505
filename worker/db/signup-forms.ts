import { and, desc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { signupForms } from "./schema-forms";

export type SignupFormRow = typeof signupForms.$inferSelect;

export function formsOfWorkspace(db: Db, workspaceId: string) {
	return db
		.select()
		.from(signupForms)
		.where(eq(signupForms.workspaceId, workspaceId))
		.orderBy(desc(signupForms.id))
		.limit(100);
}

/** A form by id alone: the public pages know nothing else (its workspace comes with it). */
export async function findFormById(db: Db, id: string): Promise<SignupFormRow | undefined> {
	return db.select().from(signupForms).where(eq(signupForms.id, id)).get();
}

export async function findForm(db: Db, workspaceId: string, id: string): Promise<SignupFormRow | undefined> {
	return db
		.select()
		.from(signupForms)
		.where(and(eq(signupForms.workspaceId, workspaceId), eq(signupForms.id, id)))
		.get();
}

export function insertFormStatement(db: Db, row: typeof signupForms.$inferInsert) {
	return db.insert(signupForms).values(row);
}

export function deleteFormStatement(db: Db, workspaceId: string, id: string) {
	return db.delete(signupForms).where(and(eq(signupForms.workspaceId, workspaceId), eq(signupForms.id, id)));
}
