import { Liquid, type Template } from "liquidjs";

/** Bounds every render: a template cannot hang a send or balloon its output. */
export const RENDER_LIMITS = { renderLimitMs: 250, memoryLimit: 2_000_000, maxOutputChars: 1_000_000 };

const options = {
	strictFilters: true,
	renderLimit: RENDER_LIMITS.renderLimitMs,
	memoryLimit: RENDER_LIMITS.memoryLimit,
	parseLimit: 1_000_000,
	cache: false,
} as const;

/** HTML output escapes every value, so contact data can never become markup. */
export const htmlLiquid = new Liquid({ ...options, outputEscape: "escape" });
/** Subjects and plain text are not HTML: values go in as written. */
export const textLiquid = new Liquid(options);

export type TemplateIssue = { path: string; message: string; line?: number; column?: number };

export class TemplateError extends Error {
	constructor(readonly issues: TemplateIssue[]) {
		super(issues.map((i) => `${i.path}: ${i.message}`).join("; "));
		this.name = "TemplateError";
	}
}

function position(error: unknown): { line?: number; column?: number } {
	const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
	const pos = token?.getPosition?.();
	return pos ? { line: pos[0], column: pos[1] } : {};
}

function cleanMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message
		.replace(/, line:\d+, col:\d+$/, "")
		.replace(/^memory alloc limit exceeded/, "the template produces too much output (memory limit)");
}

/** Parsed templates are immutable, so a campaign's chunks parse each field once, not once per recipient. */
const PARSED_CACHE_SIZE = 64;
const parsedCache = new Map<Liquid, Map<string, Template[]>>();

function cachedParse(engine: Liquid, source: string): Template[] {
	let cache = parsedCache.get(engine);
	if (!cache) {
		cache = new Map();
		parsedCache.set(engine, cache);
	}
	const hit = cache.get(source);
	if (hit) return hit;
	const parsed = engine.parse(source);
	if (cache.size >= PARSED_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	cache.set(source, parsed);
	return parsed;
}

/** Parses a template field; a syntax error becomes an issue with its line and column. */
export function parseField(engine: Liquid, path: string, source: string): Template[] {
	try {
		return cachedParse(engine, source);
	} catch (error) {
		throw new TemplateError([{ path, message: cleanMessage(error), ...position(error) }]);
	}
}

/**
 * Renders within the time and memory limits; a runaway template fails with a clear error. Rendering
 * is synchronous (no tag or filter Pulse allows does I/O), which is several times faster than liquidjs's
 * async path and matters when a campaign renders 100,000 emails.
 */
export function renderField(engine: Liquid, path: string, templates: Template[], scope: object): string {
	let output: string;
	try {
		output = engine.renderSync(templates, scope);
	} catch (error) {
		const message = /render limit|memory alloc limit/i.test(String(error))
			? `rendering stopped: the template takes too long or produces too much output (${cleanMessage(error)})`
			: cleanMessage(error);
		throw new TemplateError([{ path, message, ...position(error) }]);
	}
	if (output.length > RENDER_LIMITS.maxOutputChars) {
		throw new TemplateError([
			{ path, message: `rendering stopped: the output is over ${RENDER_LIMITS.maxOutputChars} characters` },
		]);
	}
	return output;
}
