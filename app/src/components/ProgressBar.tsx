import { Show } from "solid-js";

/** A determinate progress bar (0–100 %) with a caption; `aria-valuenow` is the rounded percent. */
export function ProgressBar(props: { value: number; max: number; label: string; caption?: string }) {
	const percent = () => (props.max > 0 ? Math.min(100, Math.floor((props.value / props.max) * 100)) : 0);
	return (
		<div class="progress-block">
			<div
				class="progress"
				role="progressbar"
				aria-label={props.label}
				aria-valuemin={0}
				aria-valuemax={100}
				aria-valuenow={percent()}
				aria-valuetext={`${percent()}%`}
			>
				<div class="progress-fill" style={{ width: `${percent()}%` }} />
			</div>
			<div class="progress-caption">
				<span>{percent()}%</span>
				<Show when={props.caption}>
					<span class="muted">{props.caption}</span>
				</Show>
			</div>
		</div>
	);
}
