import { parseHtml, serializeHtml } from "../worker/domain/templates/html";
import { htmlLiquid, parseField, renderField } from "../worker/domain/templates/liquid";
import { renderEmail } from "../worker/domain/templates/render";
import { signToken } from "../worker/domain/tokens";

const source = {
	subject: "Hello {{ contact.first_name }}",
	html: '<p>Hi {{ contact.first_name }}, read <a href="https://bench.example/post">the post</a>.</p>',
};
const ctx = (i: number) => ({
	contact: {
		id: `ctc_${i}`,
		email: `r${i}@x.com`,
		first_name: `Reader ${i}`,
		last_name: null,
		attributes: {},
		tags: [],
	},
	workspace: { id: "w", name: "W", postal_address: "1 St" },
	messageId: `msg_${i}`,
	baseUrl: "http://127.0.0.1:8787",
	tracking: { opens: true, clicks: true },
	secret: "secret-0123456789abcdef",
});
export default {
	async fetch(req: Request) {
		const url = new URL(req.url);
		const n = Number(url.searchParams.get("n") ?? 1000);
		const v = url.searchParams.get("v");
		const parsed = parseField(htmlLiquid, "html", source.html);
		const html = (await renderEmail(source, ctx(0))).html;
		for (let i = 0; i < n; i++) {
			if (v === "render") await renderEmail(source, ctx(i));
			else if (v === "token") await signToken("secret-0123456789abcdef", { k: "o", m: `msg_${i}` });
			else if (v === "liquid") {
				parseField(htmlLiquid, "html", source.html);
				await renderField(htmlLiquid, "html", parsed, { contact: ctx(i).contact });
			} else if (v === "lparse") parseField(htmlLiquid, "html", source.html);
			else if (v === "lrender") await renderField(htmlLiquid, "html", parsed, { contact: ctx(i).contact });
			else if (v === "lsync") htmlLiquid.renderSync(parsed, { contact: ctx(i).contact });
			else if (v === "html") serializeHtml(parseHtml(html));
			else if (v === "noop") await Promise.resolve();
		}
		return new Response("ok");
	},
};
