import { type BlockStyle, FONTS, type FontKey, type Theme } from "../../contracts/blocks";

/** What a block's cell looks like once its own style is laid over the theme and the block type's defaults. */
export type Resolved = {
	padding: [number, number, number, number];
	background: string | null;
	color: string;
	font: string;
	fontSize: number;
	align: "left" | "center" | "right";
};

export type Defaults = Partial<Omit<BlockStyle, "font">> & { font?: FontKey };

export function resolveStyle(theme: Theme, defaults: Defaults, style: BlockStyle | undefined): Resolved {
	const s = { ...defaults, ...stripUndefined(style ?? {}) };
	return {
		padding: s.padding ?? [8, 24, 8, 24],
		background: s.background ?? null,
		color: s.color ?? theme.text_color,
		font: FONTS[s.font ?? theme.font],
		fontSize: s.font_size ?? theme.font_size,
		align: s.align ?? "left",
	};
}

function stripUndefined<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const px = (p: readonly number[]) => p.map((n) => `${n}px`).join(" ");

/** The inline style of a block's cell (fonts are set on every cell: Outlook does not inherit them from the body). */
export function cellStyle(r: Resolved): string {
	return [
		`padding:${px(r.padding)}`,
		r.background ? `background-color:${r.background}` : "",
		`font-family:${r.font}`,
		`font-size:${r.fontSize}px`,
		`line-height:${Math.round(r.fontSize * 1.5)}px`,
		`color:${r.color}`,
		`text-align:${r.align}`,
	]
		.filter(Boolean)
		.join(";");
}

/** A table cell's attributes for a resolved style: Outlook reads `bgcolor` and `align`, others the style. */
export function cellAttrs(r: Resolved): string {
	const bg = r.background ? ` bgcolor="${r.background}"` : "";
	return `align="${r.align}"${bg} style="${cellStyle(r)};"`;
}
