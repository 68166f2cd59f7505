import { createSignal, For, Match, Show, Switch } from "solid-js";
import { EmailFrame } from "./EmailFrame";
import { Segmented, Tabs, tabPanelProps, tabsId } from "./Tabs";

type View = "html" | "text" | "headers";
type Width = "desktop" | "mobile";

/** Layout widths of the two preview modes: a desktop mail client's reading pane and a phone. */
export const PREVIEW_WIDTHS: Record<Width, number> = { desktop: 640, mobile: 375 };

type Props = {
	html: string;
	text: string;
	headers: Record<string, string>;
	/** Shown dimmed while a newer version is on its way (or the source no longer renders). */
	stale?: boolean;
	/** Visible height of the HTML preview at its layout width. */
	height?: number;
	/** Which tabs to offer (all three unless told). */
	views?: View[];
};

const VIEW_LABELS: Record<View, string> = { html: "HTML preview", text: "Plain text", headers: "Headers" };

/** An email as it is sent: HTML in a sandboxed frame at desktop or mobile width, the text version, the headers. */
export function EmailPreview(props: Props) {
	const id = tabsId();
	const [view, setView] = createSignal<View>("html");
	// On a phone, start with the phone layout.
	const [width, setWidth] = createSignal<Width>(window.matchMedia("(max-width: 560px)").matches ? "mobile" : "desktop");
	const headerRows = () => Object.entries(props.headers);

	return (
		<div class="email-preview">
			<div class="preview-toolbar">
				<Tabs
					label="Preview"
					idPrefix={id}
					value={view()}
					onChange={setView}
					tabs={(props.views ?? ["html", "text", "headers"]).map((key) => ({ key, label: VIEW_LABELS[key] }))}
				/>
				<Show when={view() === "html"}>
					<Segmented
						label="Preview width"
						value={width()}
						onChange={setWidth}
						options={[
							{ key: "desktop", label: "Desktop", title: `${PREVIEW_WIDTHS.desktop} px wide` },
							{ key: "mobile", label: "Mobile", title: `${PREVIEW_WIDTHS.mobile} px wide` },
						]}
					/>
				</Show>
			</div>
			<div {...tabPanelProps(id, view())} class="preview-body" classList={{ stale: props.stale }}>
				<Switch>
					<Match when={view() === "html"}>
						<EmailFrame
							title="Email preview"
							html={props.html}
							width={PREVIEW_WIDTHS[width()]}
							height={props.height ?? 640}
							testId="email-preview-frame"
						/>
					</Match>
					<Match when={view() === "text"}>
						<pre class="email-text" data-testid="email-preview-text">
							{props.text}
						</pre>
					</Match>
					<Match when={view() === "headers"}>
						<Show
							when={headerRows().length > 0}
							fallback={<p class="muted pad">No extra headers beyond From, To and Subject.</p>}
						>
							<dl class="props header-list" data-testid="email-preview-headers">
								<For each={headerRows()}>
									{([name, value]) => (
										<>
											<dt class="mono">{name}</dt>
											<dd class="mono">{value}</dd>
										</>
									)}
								</For>
							</dl>
						</Show>
					</Match>
				</Switch>
			</div>
		</div>
	);
}
