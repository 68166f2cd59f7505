import { Match, Show, Switch } from "solid-js";
import { SectionFields, SocialFields } from "./CompositeFields";
import { ColorInput, NumberInput, SelectInput, TextInput } from "./controls";
import type { Block, BlockStyle } from "./doc";
import { RichTextField } from "./RichTextField";
import { StyleFields } from "./StyleFields";

type Props = {
	block: Block;
	/** Changes the block in place (inside a store `produce`). */
	update: (change: (block: Block) => void) => void;
	/** The API's message for a field of this block (`text`, `href`…), after a refused save or preview. */
	errorOf: (field: string) => string | undefined;
};

const LEVELS = [
	{ value: "1", label: "Large (H1)" },
	{ value: "2", label: "Medium (H2)" },
	{ value: "3", label: "Small (H3)" },
] as const;

/** The selected block's content and style. */
export function Inspector(props: Props) {
	const set =
		<K extends string>(key: K) =>
		(value: unknown) =>
			props.update((b) => {
				(b as Record<string, unknown>)[key] = value;
			});
	const setStyle = (change: Partial<BlockStyle>) =>
		props.update((b) => {
			b.style = { ...(b.style ?? {}), ...change };
		});
	const b = () => props.block;
	const is = <T extends Block["type"]>(type: T) =>
		b().type === type ? (b() as Extract<Block, { type: T }>) : undefined;

	return (
		<div class="be-inspector stack" data-testid="block-inspector">
			<Switch>
				<Match when={is("text")}>
					{(t) => <RichTextField label="Text" value={t().text} error={props.errorOf("text")} onChange={set("text")} />}
				</Match>
				<Match when={is("heading")}>
					{(h) => (
						<div class="be-row">
							<TextInput label="Heading" value={h().text} error={props.errorOf("text")} onInput={set("text")} />
							<SelectInput
								label="Size"
								value={String(h().level) as "1"}
								options={LEVELS}
								onChange={(v) => set("level")(Number(v ?? 2))}
							/>
						</div>
					)}
				</Match>
				<Match when={is("image")}>
					{(img) => (
						<>
							<TextInput
								label="Image URL"
								type="url"
								value={img().src}
								error={props.errorOf("src")}
								onInput={set("src")}
							/>
							<TextInput
								label="Alt text"
								value={img().alt}
								hint="Shown when images are off and read by screen readers."
								onInput={set("alt")}
							/>
							<div class="be-row">
								<TextInput
									label="Link (optional)"
									value={img().href ?? ""}
									error={props.errorOf("href")}
									onInput={(v) => set("href")(v || null)}
								/>
								<NumberInput
									label="Width (px)"
									value={img().width}
									min={16}
									max={800}
									placeholder="full"
									onChange={(v) => set("width")(v ?? null)}
								/>
							</div>
						</>
					)}
				</Match>
				<Match when={is("button")}>
					{(btn) => (
						<>
							<div class="be-row">
								<TextInput label="Label" value={btn().label} error={props.errorOf("label")} onInput={set("label")} />
								<TextInput label="Link" value={btn().href} error={props.errorOf("href")} onInput={set("href")} />
							</div>
							<div class="be-row">
								<ColorInput
									label="Button colour"
									value={btn().button_color}
									placeholder="#6d5dfc"
									clearable
									onChange={(v) => set("button_color")(v ?? undefined)}
								/>
								<ColorInput
									label="Label colour"
									value={btn().text_color}
									placeholder="#ffffff"
									clearable
									onChange={(v) => set("text_color")(v ?? undefined)}
								/>
								<NumberInput
									label="Corner radius"
									value={btn().radius}
									min={0}
									max={40}
									placeholder="6"
									onChange={set("radius")}
								/>
							</div>
							<label class="checkbox">
								<input
									type="checkbox"
									checked={Boolean(btn().full_width)}
									onChange={(e) => set("full_width")(e.currentTarget.checked)}
								/>{" "}
								Full width
							</label>
						</>
					)}
				</Match>
				<Match when={is("divider")}>
					{(d) => (
						<div class="be-row">
							<ColorInput
								label="Line colour"
								value={d().color}
								placeholder="#e4e4ea"
								onChange={(v) => set("color")(v ?? undefined)}
							/>
							<NumberInput
								label="Thickness"
								value={d().thickness}
								min={1}
								max={10}
								placeholder="1"
								onChange={set("thickness")}
							/>
						</div>
					)}
				</Match>
				<Match when={is("spacer")}>
					{(sp) => (
						<NumberInput
							label="Height (px)"
							value={sp().height}
							min={4}
							max={200}
							onChange={(v) => set("height")(v ?? 24)}
						/>
					)}
				</Match>
				<Match when={is("social")}>
					{(so) => <SocialFields block={so()} update={props.update} errorOf={props.errorOf} />}
				</Match>
				<Match when={is("footer")}>
					{(f) => (
						<>
							<RichTextField
								label="Extra text (optional)"
								rows={2}
								value={f().text ?? ""}
								onChange={(v) => set("text")(v || undefined)}
							/>
							<p class="muted small">
								Your workspace's name, postal address, unsubscribe and preferences links are always shown.
							</p>
						</>
					)}
				</Match>
				<Match when={is("section")}>{(sec) => <SectionFields section={sec()} update={props.update} />}</Match>
			</Switch>
			<Show when={b().type !== "spacer"}>
				<StyleFields style={b().style} text={b().type !== "divider" && b().type !== "image"} onChange={setStyle} />
			</Show>
		</div>
	);
}
