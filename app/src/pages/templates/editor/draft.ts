import type { ApiIssue } from "../../../../../worker/contracts/common";
import type { Template } from "../../../lib/types";

/** The editor's working copy of a template: every field as text, empty meaning "none". */
export type Draft = { name: string; subject: string; preheader: string; html: string; text: string };
export const FIELDS = ["name", "subject", "preheader", "html", "text"] as const;

export const draftOf = (t: Template): Draft => ({
	name: t.name,
	subject: t.subject,
	preheader: t.preheader ?? "",
	html: t.html,
	text: t.text ?? "",
});

/** What the API stores: an empty preheader or plain text means "none" (the text is then derived from the HTML). */
export const bodyOf = (d: Draft) => ({
	name: d.name,
	subject: d.subject,
	preheader: d.preheader.trim() ? d.preheader : null,
	html: d.html,
	text: d.text.trim() ? d.text : null,
});

/** "Line 2, column 6: unexpected token" for template errors, the plain message otherwise. */
export const issueText = (issue: ApiIssue) =>
	issue.line ? `Line ${issue.line}, column ${issue.column ?? 1}: ${issue.message}` : issue.message;
