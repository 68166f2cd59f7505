/** The Pulse wordmark. */
export function Logo() {
	return (
		<span class="logo">
			<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
				<rect width="24" height="24" rx="6" fill="var(--accent)" />
				<path d="M4 13h4l2-5 4 9 2-4h4" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round" />
			</svg>
			<span>Pulse</span>
		</span>
	);
}
