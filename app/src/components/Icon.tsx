/** Line icons (24×24, stroked with the current color); decorative. */
const PATHS = {
	overview: "M3 12l9-8 9 8M5 10v10h5v-6h4v6h5V10",
	contacts:
		"M16 20v-1a4 4 0 00-4-4H7a4 4 0 00-4 4v1M9.5 11a3.5 3.5 0 100-7 3.5 3.5 0 000 7zM21 20v-1a4 4 0 00-3-3.9M16 4.1a3.5 3.5 0 010 6.8",
	segments: "M12 3a9 9 0 109 9h-9zM15 3.5A9 9 0 0120.5 9H15z",
	templates: "M4 4h16v16H4zM4 9h16M9 9v11",
	campaigns: "M3 11l18-8-8 18-2-8z",
	journeys: "M4 3h6v6H4zM14 15h6v6h-6zM7 9v5a3 3 0 003 3h4",
	outbox: "M3 6h18v12H3zM3 7l9 6 9-6",
	assistant: "M12 3l2 5 5 2-5 2-2 5-2-5-5-2 5-2zM19 15l1 2 2 1-2 1-1 2-1-2-2-1 2-1z",
	workspace: "M4 21V5l8-2v18M12 7l8 2v12M8 9h.01M8 13h.01M8 17h.01M16 13h.01M16 17h.01M2 21h20",
	key: "M11 16a4 4 0 11-8 0 4 4 0 018 0zM10 13l10-10M17 6l3 3M14 9l2 2",
	members: "M12 12a4 4 0 100-8 4 4 0 000 8zM4 21v-1a6 6 0 0112 0v1M18 8v6M15 11h6",
	invite: "M4 4h16v16H4zM9 12h6M12 9v6",
	empty: "M4 13h4l2 3h4l2-3h4M5 5h14l1 8v6H4v-6z",
	calendar: "M4 5h16v15H4zM4 9h16M8 3v4M16 3v4",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName; size?: number }) {
	return (
		<svg
			class="icon"
			viewBox="0 0 24 24"
			width={props.size ?? 16}
			height={props.size ?? 16}
			fill="none"
			stroke="currentColor"
			stroke-width="1.75"
			stroke-linecap="round"
			stroke-linejoin="round"
			aria-hidden="true"
		>
			<path d={PATHS[props.name]} />
		</svg>
	);
}
