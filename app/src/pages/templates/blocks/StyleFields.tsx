import { ColorInput, Group, NumberInput, SelectInput } from "./controls";
import type { BlockStyle } from "./doc";
import { FONT_OPTIONS } from "./doc";

const SIDES = ["Top", "Right", "Bottom", "Left"] as const;
const ALIGN = [
	{ value: "left", label: "Left" },
	{ value: "center", label: "Center" },
	{ value: "right", label: "Right" },
] as const;

/** A block's own style: padding, colours, font and alignment; empty means "the theme's". */
export function StyleFields(props: {
	style: BlockStyle | undefined;
	onChange: (change: Partial<BlockStyle>) => void;
	text?: boolean;
}) {
	const s = () => props.style ?? {};
	const padding = () => s().padding ?? ([8, 24, 8, 24] as [number, number, number, number]);
	const setSide = (i: number, n: number | undefined) => {
		const next = [...padding()] as [number, number, number, number];
		next[i] = n ?? 0;
		props.onChange({ padding: next });
	};
	return (
		<>
			<Group title="Spacing">
				<div class="be-row">
					{SIDES.map((side, i) => (
						<NumberInput
							label={`Padding ${side.toLowerCase()}`}
							value={padding()[i]}
							min={0}
							max={120}
							onChange={(n) => setSide(i, n)}
						/>
					))}
				</div>
			</Group>
			<Group title="Style">
				<div class="be-row">
					<ColorInput
						label="Background"
						value={s().background}
						clearable
						onChange={(background) => props.onChange({ background })}
					/>
					{props.text !== false && (
						<ColorInput
							label="Text colour"
							value={s().color}
							placeholder="#1c1c28"
							onChange={(color) => props.onChange({ color: color ?? undefined })}
						/>
					)}
				</div>
				<div class="be-row">
					{props.text !== false && (
						<>
							<SelectInput
								label="Font"
								value={s().font}
								emptyLabel="Theme font"
								options={FONT_OPTIONS}
								onChange={(font) => props.onChange({ font })}
							/>
							<NumberInput
								label="Font size"
								value={s().font_size}
								min={8}
								max={72}
								placeholder="theme"
								onChange={(font_size) => props.onChange({ font_size })}
							/>
						</>
					)}
					<SelectInput
						label="Align"
						value={s().align}
						emptyLabel="Default"
						options={ALIGN}
						onChange={(align) => props.onChange({ align })}
					/>
				</div>
			</Group>
		</>
	);
}
