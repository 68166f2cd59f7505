import type { Role } from "../lib/types";
import { Badge, type BadgeTone } from "./Badge";

const TONES: Record<Role, BadgeTone> = { owner: "accent", admin: "accent", editor: "success", viewer: "neutral" };

export function RoleBadge(props: { role: Role }) {
	return <Badge tone={TONES[props.role]}>{props.role}</Badge>;
}
