import { useNavigate } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { EmailFrame } from "../../components/EmailFrame";
import { FormAlert } from "../../components/FormAlert";
import { LoadingState, Spinner } from "../../components/Spinner";
import { createTemplate, listStarters, messageOf, renderTemplate } from "../../lib/api";
import type { StarterTemplate } from "../../lib/types";

const BLANK_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
</head>
<body style="margin:0;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#1c1c28;">
<p>Hi {{ contact.first_name | default: "there" }},</p>
<p>Write your message here.</p>
<p>{{ workspace.name }}</p>
</body>
</html>
`;

const BLANK_BLOCKS = {
	version: 1 as const,
	theme: {
		brand_color: "#6d5dfc",
		text_color: "#1c1c28",
		link_color: "#6d5dfc",
		background: "#f4f4f7",
		content_background: "#ffffff",
		font: "arial" as const,
		font_size: 16,
		width: 600,
	},
	blocks: [
		{ id: "heading-1", type: "heading" as const, text: "Your headline", level: 1 as const },
		{
			id: "text-1",
			type: "text" as const,
			text: 'Hi {{ contact.first_name | default: "there" }},\n\nWrite your message here.',
		},
		{ id: "footer-1", type: "footer" as const },
	],
};

const PickTitle = (props: { title: string; busy: boolean }) => (
	<strong>
		{props.title}
		<Show when={props.busy}>
			{" "}
			<Spinner size="sm" />
		</Show>
	</strong>
);

function BlankCard(props: {
	keyName: string;
	mark: string;
	title: string;
	description: string;
	creating: string | undefined;
	onPick: () => void;
}) {
	return (
		<li class="starter-card starter-blank" classList={{ busy: props.creating === props.keyName }}>
			<div class="starter-blank-mark" aria-hidden="true">
				{props.mark}
			</div>
			<button type="button" class="starter-pick" disabled={Boolean(props.creating)} onClick={props.onPick}>
				<PickTitle title={props.title} busy={props.creating === props.keyName} />
				<span class="muted small">{props.description}</span>
			</button>
		</li>
	);
}

/** A starter's thumbnail, rendered by the API with the sample contact (its Liquid filled in), scaled down. */
function StarterThumb(props: { starter: StarterTemplate }) {
	const [rendered] = createResource(
		() => props.starter,
		(s) => renderTemplate({ template: { subject: s.subject, preheader: s.preheader, html: s.html } }),
	);
	return (
		<EmailFrame
			thumbnail
			title={`${props.starter.name} preview`}
			html={rendered.latest?.html ?? props.starter.html}
			width={600}
			height={560}
		/>
	);
}

/** "Start from a template": the built-in starters and a blank one; choosing creates the template and opens it. */
export function StarterGallery() {
	const navigate = useNavigate();
	const [starters] = createResource(async () => (await listStarters()).data);
	const [creating, setCreating] = createSignal<string>();
	const [error, setError] = createSignal<string>();

	const create = async (key: string, body: Parameters<typeof createTemplate>[0]) => {
		if (creating()) return;
		setCreating(key);
		setError(undefined);
		try {
			const created = await createTemplate(body);
			navigate(`/templates/${created.id}`);
		} catch (e) {
			setError(messageOf(e));
			setCreating(undefined);
		}
	};

	return (
		<div class="stack">
			<FormAlert message={error()} />
			<FormAlert message={starters.error ? `Could not load the starters: ${messageOf(starters.error)}` : undefined} />
			<Show when={starters.latest} fallback={<Show when={!starters.error}>{<LoadingState />}</Show>}>
				{(list) => (
					<ul class="starter-grid" aria-label="Starters">
						<For each={list()}>
							{(starter) => (
								<li class="starter-card" classList={{ busy: creating() === starter.key }}>
									<StarterThumb starter={starter} />
									<button
										type="button"
										class="starter-pick"
										aria-busy={creating() === starter.key ? "true" : undefined}
										disabled={Boolean(creating())}
										onClick={() =>
											create(starter.key, {
												name: starter.name,
												subject: starter.subject,
												preheader: starter.preheader || null,
												blocks: starter.blocks,
											})
										}
									>
										<PickTitle title={starter.name} busy={creating() === starter.key} />
										<span class="muted small">{starter.description}</span>
									</button>
								</li>
							)}
						</For>
						<BlankCard
							keyName="blank"
							mark="+"
							title="Blank"
							description="An empty block email with a heading, text and footer."
							creating={creating()}
							onPick={() =>
								create("blank", { name: "Untitled template", subject: "Hello", preheader: null, blocks: BLANK_BLOCKS })
							}
						/>
						<BlankCard
							keyName="html"
							mark="</>"
							title="HTML code"
							description="A minimal HTML page to write your own, for power users."
							creating={creating()}
							onPick={() =>
								create("html", { name: "Untitled template", subject: "Hello", preheader: null, html: BLANK_HTML })
							}
						/>
					</ul>
				)}
			</Show>
		</div>
	);
}
