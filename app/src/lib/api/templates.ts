import type { InferRequestType } from "hono/client";
import { api, call } from "./client";

type NewTemplate = InferRequestType<typeof api.templates.$post>["json"];
type TemplatePatch = InferRequestType<(typeof api.templates)[":id"]["$patch"]>["json"];
export type RenderBody = InferRequestType<typeof api.templates.render.$post>["json"];
type TestSendBody = InferRequestType<(typeof api.templates)[":id"]["test-send"]["$post"]>["json"];

/** The library by shelf: templates in use (or only archived ones), optionally of one category. */
export const listTemplates = (query: { limit: number; cursor?: string; archived?: boolean; category?: string }) =>
	call(
		api.templates.$get({
			query: {
				limit: String(query.limit),
				cursor: query.cursor,
				...(query.archived ? { archived: "true" as const } : {}),
				...(query.category ? { category: query.category } : {}),
			},
		}),
	);
export const listStarters = () => call(api.templates.starters.$get());
export const getTemplate = (id: string) => call(api.templates[":id"].$get({ param: { id } }));
export const createTemplate = (json: NewTemplate) => call(api.templates.$post({ json }));
export const updateTemplate = (id: string, json: TemplatePatch) =>
	call(api.templates[":id"].$patch({ param: { id }, json }));
export const deleteTemplate = (id: string) => call(api.templates[":id"].$delete({ param: { id } }));
/** Renders unsaved template source (the editor's live preview, the starters' thumbnails). */
export const renderTemplate = (json: RenderBody) => call(api.templates.render.$post({ json }));
/** A saved template exactly as it would be sent (tracking included). */
export const previewTemplate = (id: string) => call(api.templates[":id"].preview.$post({ param: { id }, json: {} }));
export const sendTestEmail = (id: string, json: TestSendBody) =>
	call(api.templates[":id"]["test-send"].$post({ param: { id }, json }));

/** Blocks saved to reuse in any block template of the workspace. */
type SavedBlockInput = InferRequestType<(typeof api)["saved-blocks"]["$post"]>["json"];
export const listSavedBlocks = () => call(api["saved-blocks"].$get({ query: { limit: "200" } }));
export const saveBlock = (json: SavedBlockInput) => call(api["saved-blocks"].$post({ json }));
export const deleteSavedBlock = (id: string) => call(api["saved-blocks"][":id"].$delete({ param: { id } }));
