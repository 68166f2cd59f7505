import type { InferResponseType } from "hono/client";
import type { api } from "./api";

export type Me = InferResponseType<typeof api.me.$get, 200>;
export type Role = Me["role"];
export type Workspace = Me["workspace"];
export type ApiKey = InferResponseType<(typeof api)["api-keys"]["$get"], 200>["data"][number];
export type Member = InferResponseType<typeof api.members.$get, 200>["data"][number];
export type Contact = InferResponseType<typeof api.contacts.$get, 200>["data"][number];
export type ContactStatus = Contact["status"];
export type ContactDetail = InferResponseType<(typeof api.contacts)[":id"]["$get"], 200>;
export type ImportJob = InferResponseType<(typeof api.imports)[":id"]["$get"], 200>;
export type Segment = InferResponseType<typeof api.segments.$get, 200>["data"][number];
export type SegmentPreview = InferResponseType<typeof api.segments.preview.$post, 200>;
export type Template = InferResponseType<typeof api.templates.$get, 200>["data"][number];
export type StarterTemplate = InferResponseType<typeof api.templates.starters.$get, 200>["data"][number];
export type RenderedEmail = InferResponseType<typeof api.templates.render.$post, 200>;
export type TestSendResult = InferResponseType<(typeof api.templates)[":id"]["test-send"]["$post"], 200>;
export type OutboxMessage = InferResponseType<typeof api.outbox.$get, 200>["data"][number];
