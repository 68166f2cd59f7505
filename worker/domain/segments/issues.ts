/** One problem of a segment definition, at a dotted path relative to the definition (the root is ""). */
export type SegmentIssue = { path: string; message: string };
export type Report = (path: string, message: string) => void;

export const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
export const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === "object" && v !== null && !Array.isArray(v);
export const describe = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "a list" : typeof v);
export const list = (items: readonly string[]) => items.join(", ");

/** A value as a message shows it: texts quoted (and cut at 40 characters), anything else by its kind. */
export function show(value: unknown): string {
	if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	return value === undefined ? "(missing)" : describe(value);
}
