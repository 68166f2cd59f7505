import type { Role } from "../lib/types";
import { Badge, type BadgeTone } from "./Badge";

/** A member's role, or an API key's (which may also be `ingest`: it only sends contacts and events). */
type ShownRole = Role | "ingest";

const TONES: Record<ShownRole, BadgeTone> = {
	owner: "accent",
	admin: "accent",
	editor: "success",
	viewer: "neutral",
	ingest: "neutral",
};

export function RoleBadge(props: { role: ShownRole }) {
	return <Badge tone={TONES[props.role]}>{props.role}</Badge>;
}
