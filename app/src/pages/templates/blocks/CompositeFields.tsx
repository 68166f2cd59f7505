import { For, Show } from "solid-js";
import { Button } from "../../../components/Button";
import { Group, SelectInput, TextInput } from "./controls";
import { type Block, newBlock, newId, type SectionBlock, SOCIAL_OPTIONS } from "./doc";

type Update = (change: (block: Block) => void) => void;

/** Column width presets (percentages; empty = equal shares). */
const LAYOUTS: Record<number, { value: string; label: string }[]> = {
	2: [
		{ value: "/", label: "Equal" },
		{ value: "33/67", label: "Narrow + wide" },
		{ value: "67/33", label: "Wide + narrow" },
	],
	3: [
		{ value: "//", label: "Equal" },
		{ value: "25/50/25", label: "Wide middle" },
	],
};
const NETWORKS = SOCIAL_OPTIONS.map((n) => ({ value: n, label: n === "x" ? "X" : n[0]?.toUpperCase() + n.slice(1) }));

/** A section's column count and widths. */
export function SectionFields(props: { section: SectionBlock; update: Update }) {
	return (
		<div class="be-row">
			<SelectInput
				label="Columns"
				value={String(props.section.columns.length) as "2"}
				options={[1, 2, 3, 4].map((n) => ({ value: String(n) as "2", label: String(n) }))}
				onChange={(v) =>
					props.update((x) => {
						if (x.type !== "section") return;
						const n = Number(v ?? 2);
						while (x.columns.length < n) x.columns.push({ id: newId("col"), blocks: [newBlock("text") as never] });
						if (x.columns.length > n) x.columns.splice(n);
						for (const column of x.columns) column.width = null;
					})
				}
			/>
			<Show when={LAYOUTS[props.section.columns.length]}>
				{(layouts) => (
					<SelectInput
						label="Widths"
						value={props.section.columns.map((c) => c.width ?? "").join("/")}
						options={layouts()}
						onChange={(v) =>
							props.update((x) => {
								if (x.type !== "section") return;
								const widths = (v ?? "").split("/");
								x.columns.forEach((c, i) => {
									c.width = widths[i] ? Number(widths[i]) : null;
								});
							})
						}
					/>
				)}
			</Show>
			<p class="muted small">Columns sit side by side on wide screens and stack on phones.</p>
		</div>
	);
}

/** A social block's links. */
export function SocialFields(props: {
	block: Extract<Block, { type: "social" }>;
	update: Update;
	errorOf: (field: string) => string | undefined;
}) {
	return (
		<Group title="Links">
			<For each={props.block.links}>
				{(link, i) => (
					<div class="be-row">
						<SelectInput
							label="Network"
							value={link.network}
							options={NETWORKS}
							onChange={(v) =>
								props.update((x) => {
									if (x.type === "social" && v) (x.links[i()] as { network: string }).network = v;
								})
							}
						/>
						<TextInput
							label="URL"
							value={link.url}
							error={props.errorOf(`links.${i()}.url`)}
							onInput={(v) =>
								props.update((x) => {
									if (x.type === "social") (x.links[i()] as { url: string }).url = v;
								})
							}
						/>
						<Button
							size="sm"
							variant="ghost"
							aria-label={`Remove ${link.network} link`}
							onClick={() =>
								props.update((x) => {
									if (x.type === "social") x.links.splice(i(), 1);
								})
							}
						>
							Remove
						</Button>
					</div>
				)}
			</For>
			<Button
				size="sm"
				onClick={() =>
					props.update((x) => {
						if (x.type === "social") x.links.push({ network: "website", url: "https://example.com" });
					})
				}
			>
				Add link
			</Button>
		</Group>
	);
}
