import { type BlockDocument, type BlockDocumentInput, BlockDocumentSchema } from "../../contracts/blocks";
import { compileBlocks } from "./compile";

/** A built-in starting point, as a block document (and the HTML it compiles to). */
export type StarterTemplate = {
	key: string;
	name: string;
	description: string;
	subject: string;
	preheader: string;
	editor: "blocks";
	blocks: BlockDocument;
	html: string;
};

type Block = Exclude<BlockDocumentInput["blocks"][number], { type: "section" }>;

let n = 0;
const id = (type: string) => `${type}-${++n}`;
const text = (t: string, style?: Block["style"]): Block => ({ id: id("text"), type: "text", text: t, style });
const heading = (t: string, level: 1 | 2 | 3, style?: Block["style"]): Block => ({
	id: id("heading"),
	type: "heading",
	text: t,
	level,
	style,
});
const button = (label: string, href: string, style?: Block["style"]): Block => ({
	id: id("button"),
	type: "button",
	label,
	href,
	style,
});
const footer = (): Block => ({ id: id("footer"), type: "footer", style: { padding: [20, 32, 28, 32] } });
const divider = (): Block => ({
	id: id("divider"),
	type: "divider",
	color: "#ececf1",
	style: { padding: [8, 32, 8, 32] },
});

const NEWSLETTER: BlockDocumentInput = {
	theme: { brand_color: "#6d5dfc", link_color: "#6d5dfc" },
	blocks: [
		text("**{{ workspace.name }} newsletter**", { padding: [28, 32, 0, 32], color: "#6d5dfc", font_size: 13 }),
		heading('Hi {{ contact.first_name | default: "there" }}, here is what\'s new', 1, { padding: [8, 32, 8, 32] }),
		text("Our biggest update this month: write your lead story here. Keep it short and give one clear next step.", {
			padding: [4, 32, 12, 32],
			color: "#3c3c4a",
		}),
		button("Read the story", "https://example.com/read-more", { padding: [8, 32, 20, 32], align: "left" }),
		divider(),
		{
			id: id("section"),
			type: "section",
			style: { padding: [8, 20, 8, 20] },
			columns: [
				{
					id: id("column"),
					blocks: [
						heading("Second item", 2, { padding: [8, 12, 4, 12] }),
						text("One or two sentences and a [link](https://example.com/second).", {
							padding: [0, 12, 8, 12],
							font_size: 15,
							color: "#3c3c4a",
						}),
					],
				},
				{
					id: id("column"),
					blocks: [
						heading("Third item", 2, { padding: [8, 12, 4, 12] }),
						text(
							"Another short note for readers{% if contact.attributes.city %} in {{ contact.attributes.city }}{% endif %}.",
							{
								padding: [0, 12, 8, 12],
								font_size: 15,
								color: "#3c3c4a",
							},
						),
					],
				},
			],
		},
		footer(),
	],
};

const ANNOUNCEMENT: BlockDocumentInput = {
	theme: { brand_color: "#0f9d76", link_color: "#0f9d76" },
	blocks: [
		text("**NEW**", { padding: [40, 32, 0, 32], align: "center", color: "#0f9d76", font_size: 13 }),
		heading("Say hello to the big news", 1, { padding: [8, 32, 8, 32], align: "center", font_size: 30 }),
		text(
			'{{ contact.first_name | default: "Hi" }}, tell readers what changed and why it matters to them, in two sentences.',
			{
				padding: [4, 48, 16, 48],
				align: "center",
				color: "#3c3c4a",
			},
		),
		{
			id: id("image"),
			type: "image",
			src: "https://placehold.co/536x240/png?text=Your+image",
			alt: "",
			style: { padding: [0, 32, 16, 32] },
		},
		button("See what's new", "https://example.com/launch", { padding: [8, 32, 24, 32] }),
		text("Questions? Just reply to this email.", {
			padding: [8, 32, 24, 32],
			align: "center",
			font_size: 14,
			color: "#6b6b7b",
		}),
		{
			id: id("social"),
			type: "social",
			links: [
				{ network: "website", url: "https://example.com" },
				{ network: "instagram", url: "https://instagram.com" },
			],
		},
		footer(),
	],
};

const PLAIN: BlockDocumentInput = {
	theme: { brand_color: "#2563eb", link_color: "#2563eb" },
	blocks: [
		text(
			[
				'Hi {{ contact.first_name | default: "there" }},',
				"Write the way you would to a colleague: one idea, a few short paragraphs, and a single link if you need one, like [this](https://example.com).",
				"Thanks for reading,",
				"The {{ workspace.name }} team",
			].join("\n\n"),
			{ padding: [32, 32, 16, 32] },
		),
		footer(),
	],
};

const starter = (
	key: string,
	name: string,
	description: string,
	subject: string,
	preheader: string,
	input: BlockDocumentInput,
): StarterTemplate => {
	const blocks = BlockDocumentSchema.parse(input);
	return { key, name, description, subject, preheader, editor: "blocks", blocks, html: compileBlocks(blocks) };
};

export const STARTER_TEMPLATES: StarterTemplate[] = [
	starter(
		"newsletter",
		"Newsletter",
		"A header, a lead story with a button, and two short items side by side.",
		"This month at {{ workspace.name }}",
		"Three things worth your time, {{ contact.first_name | default: 'friend' }}.",
		NEWSLETTER,
	),
	starter(
		"announcement",
		"Announcement",
		"One big message, one image slot and one call to action.",
		"Introducing something new from {{ workspace.name }}",
		"It's here, and you're among the first to know.",
		ANNOUNCEMENT,
	),
	starter(
		"plain",
		"Plain letter",
		"A personal note that reads like a real email.",
		"A quick note, {{ contact.first_name | default: 'friend' }}",
		"",
		PLAIN,
	),
];
