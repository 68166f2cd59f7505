import { createSignal, onCleanup, onMount } from "solid-js";

type Props = {
	/** The complete HTML document, exactly as it is sent. */
	html: string;
	/** The width the email is laid out at (640 for desktop clients, 375 for phones). */
	width: number;
	/** The visible height at that width; the email scrolls inside it. */
	height: number;
	title: string;
	/** A thumbnail: not focusable, not clickable, hidden from screen readers. */
	thumbnail?: boolean;
	stale?: boolean;
	testId?: string;
};

/**
 * An email in a sandboxed iframe (`sandbox=""`: no scripts, no same-origin, no forms, no popups), laid out at
 * `width` and scaled down to fit its container when that is narrower.
 */
export function EmailFrame(props: Props) {
	let box: HTMLDivElement | undefined;
	const [available, setAvailable] = createSignal(props.width);
	onMount(() => {
		if (!box) return;
		const observed = box;
		setAvailable(observed.clientWidth);
		const observer = new ResizeObserver(() => setAvailable(observed.clientWidth));
		observer.observe(observed);
		onCleanup(() => observer.disconnect());
	});
	const scale = () => (available() > 0 ? Math.min(1, available() / props.width) : 1);

	return (
		<div
			ref={box}
			class="email-frame"
			classList={{ "email-frame-thumb": props.thumbnail, stale: props.stale }}
			style={{ height: `${Math.round(props.height * scale())}px` }}
			aria-hidden={props.thumbnail ? "true" : undefined}
		>
			<iframe
				title={props.title}
				sandbox=""
				srcdoc={props.html}
				referrerPolicy="no-referrer"
				tabIndex={props.thumbnail ? -1 : undefined}
				data-testid={props.testId}
				style={{
					width: `${props.width}px`,
					height: `${props.height}px`,
					transform: scale() < 1 ? `scale(${scale()})` : undefined,
				}}
			/>
		</div>
	);
}
