import { ColorInput, NumberInput, SelectInput, TextInput } from "./controls";
import { FONT_OPTIONS, type Theme } from "./doc";

/** The template's global look: brand colours, logo, font and width. Blocks override it one by one. */
export function ThemePanel(props: {
	theme: Theme;
	onChange: (change: Partial<Theme>) => void;
	errorOf: (field: string) => string | undefined;
}) {
	const t = () => props.theme;
	return (
		<details class="card be-theme disclosure">
			<summary>
				<span class="strong-link">Theme</span>{" "}
				<span class="muted small">Brand colours, logo and font for the whole email</span>
			</summary>
			<div class="stack be-theme-body">
				<div class="be-row">
					<ColorInput
						label="Brand colour"
						value={t().brand_color}
						onChange={(v) => props.onChange({ brand_color: v ?? "#6d5dfc" })}
					/>
					<ColorInput
						label="Text colour"
						value={t().text_color}
						onChange={(v) => props.onChange({ text_color: v ?? "#1c1c28" })}
					/>
					<ColorInput
						label="Link colour"
						value={t().link_color}
						onChange={(v) => props.onChange({ link_color: v ?? "#6d5dfc" })}
					/>
				</div>
				<div class="be-row">
					<ColorInput
						label="Page background"
						value={t().background}
						onChange={(v) => props.onChange({ background: v ?? "#f4f4f7" })}
					/>
					<ColorInput
						label="Email background"
						value={t().content_background}
						onChange={(v) => props.onChange({ content_background: v ?? "#ffffff" })}
					/>
				</div>
				<div class="be-row">
					<SelectInput
						label="Font"
						value={t().font}
						options={FONT_OPTIONS}
						onChange={(font) => props.onChange({ font: font ?? "arial" })}
					/>
					<NumberInput
						label="Font size"
						value={t().font_size}
						min={10}
						max={24}
						onChange={(n) => props.onChange({ font_size: n ?? 16 })}
					/>
					<NumberInput
						label="Email width"
						value={t().width}
						min={480}
						max={800}
						onChange={(n) => props.onChange({ width: n ?? 600 })}
					/>
				</div>
				<div class="be-row">
					<TextInput
						label="Logo URL"
						type="url"
						value={t().logo_url ?? ""}
						placeholder="https://…"
						error={props.errorOf("logo_url")}
						onInput={(v) => props.onChange({ logo_url: v || null })}
					/>
					<NumberInput
						label="Logo width"
						value={t().logo_width}
						min={24}
						max={600}
						placeholder="160"
						onChange={(n) => props.onChange({ logo_width: n ?? null })}
					/>
				</div>
			</div>
		</details>
	);
}
