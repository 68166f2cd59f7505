import { type Accessor, createContext, useContext } from "solid-js";
import type { JourneyNodeStats } from "../../../lib/api";
import type { Segment, Template } from "../../../lib/types";
import type { Definition } from "../model/graph";
import type { Pinned } from "../model/issues";

/** What every part of the flow and the side panel needs: the definition, a way to change it, and its issues. */
export type Builder = {
	definition: Accessor<Definition>;
	/** Records a new definition (undo takes it back); ignored when read-only. */
	change: (next: Definition) => void;
	selected: Accessor<string | undefined>;
	select: (id: string | undefined) => void;
	/** The API's issues for a step id, or for "entry", "reentry", "exit". */
	issuesOf: (key: string) => Pinned[];
	templates: Accessor<Template[] | undefined>;
	segments: Accessor<Segment[] | undefined>;
	readOnly: Accessor<boolean>;
	/** The live page's numbers per step. */
	counts?: (id: string) => JourneyNodeStats | undefined;
};

export const BuilderContext = createContext<Builder>();

export function useBuilder(): Builder {
	const builder = useContext(BuilderContext);
	if (!builder) throw new Error("journey flow outside its builder");
	return builder;
}

/** The message for one field of a step, if the API named it. */
export const fieldIssue = (builder: Builder, key: string, field: string) =>
	builder.issuesOf(key).find((i) => i.field === field || i.field.startsWith(`${field}.`))?.message;
