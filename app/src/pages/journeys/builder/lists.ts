import { createResource } from "solid-js";
import { listSegments, listTemplates } from "../../../lib/api";

/** The workspace's templates and segments, for the pickers and the step summaries (first 100 of each). */
export function createWorkspaceLists() {
	const [templates] = createResource(async () => (await listTemplates({ limit: 100 })).data);
	const [segments] = createResource(async () => (await listSegments({ limit: 100 })).data);
	return { templates: () => templates.latest, segments: () => segments.latest };
}
