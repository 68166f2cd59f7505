import type { Accessor } from "solid-js";
import type { Draft } from "./draft";

/** What every step of the campaign form gets: the draft, setters, and the API's message for a field. */
export type StepProps = {
	draft: Accessor<Draft>;
	set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
	text: (key: keyof Draft) => (e: { currentTarget: { value: string } }) => void;
	field: (path: string) => string | undefined;
};
