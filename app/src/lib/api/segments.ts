import type { InferRequestType } from "hono/client";
import { api, call } from "./client";

type SegmentBody = InferRequestType<typeof api.segments.$post>["json"];
export type SegmentDefinitionInput = SegmentBody["definition"];

export const listSegments = (query: { limit: number; cursor?: string }) =>
	call(api.segments.$get({ query: { limit: String(query.limit), cursor: query.cursor } }));
export const getSegment = (id: string) => call(api.segments[":id"].$get({ param: { id } }));
export const createSegment = (json: SegmentBody) => call(api.segments.$post({ json }));
export const updateSegment = (id: string, json: SegmentBody) =>
	call(api.segments[":id"].$patch({ param: { id }, json }));
export const deleteSegment = (id: string) => call(api.segments[":id"].$delete({ param: { id } }));
export const previewSegment = (definition: SegmentDefinitionInput) =>
	call(api.segments.preview.$post({ json: { definition } }));
/** What the builder's pickers offer: attributes with common values, tags, events with property keys, campaigns. */
export const getSegmentFields = () => call(api.segments.fields.$get());
