import { Show } from "solid-js";
import type { ApiIssue } from "../../../../../worker/contracts/common";
import { CodeEditor } from "../CodeEditor";
import { issueText } from "./draft";

/** The HTML source in a code editor, with the Liquid hint or the error found in it (and a jump to its line). */
export function HtmlField(props: {
	value: string;
	onChange: (html: string) => void;
	readOnly: boolean;
	issue: ApiIssue | undefined;
}) {
	let focusAt: ((line: number, column: number) => void) | undefined;
	return (
		<div class="field" classList={{ "field-invalid": Boolean(props.issue) }}>
			<label id="template-html-label" for="template-html">
				HTML
			</label>
			<CodeEditor
				id="template-html"
				labelledBy="template-html-label"
				value={props.value}
				onChange={props.onChange}
				readOnly={props.readOnly}
				invalid={Boolean(props.issue)}
				describedBy={props.issue ? "template-html-error" : "template-html-hint"}
				errorLine={props.issue?.line}
				ref={(f) => {
					focusAt = f;
				}}
			/>
			<Show
				when={props.issue}
				fallback={
					<p class="field-hint" id="template-html-hint">
						Liquid personalises it: <code>{"{{ contact.first_name }}"}</code>, <code>{"{% if %}…{% endif %}"}</code>,{" "}
						<code>{"{{ unsubscribe_url }}"}</code>. Tables and inline styles render most reliably across mail clients; a
						footer with your postal address and an unsubscribe link is added if the HTML has none.
					</p>
				}
			>
				{(issue) => (
					<p class="field-error" id="template-html-error" data-field-error data-testid="html-error">
						{issueText(issue())}
						<Show when={issue().line}>
							{(line) => (
								<>
									{" "}
									<button type="button" class="link-button" onClick={() => focusAt?.(line(), issue().column ?? 1)}>
										Go to line {line()}
									</button>
								</>
							)}
						</Show>
					</p>
				)}
			</Show>
		</div>
	);
}
