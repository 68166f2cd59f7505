import type { SegmentRule } from "../../contracts/segments";

/** Each `{list}` rule of a rule tree with its path in it (`all.1.not`), so the lists it names can be checked. */
export function listRefs(rule: SegmentRule, path = ""): { path: string; list: string }[] {
	const at = (...keys: (string | number)[]) => [path, ...keys].filter((k) => k !== "").join(".");
	if ("all" in rule) return rule.all.flatMap((r, i) => listRefs(r, at("all", i)));
	if ("any" in rule) return rule.any.flatMap((r, i) => listRefs(r, at("any", i)));
	if ("not" in rule) return listRefs(rule.not, at("not"));
	return "list" in rule ? [{ path, list: rule.list }] : [];
}
