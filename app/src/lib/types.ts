import type { InferResponseType } from "hono/client";
import type { api } from "./api";

export type Me = InferResponseType<typeof api.me.$get, 200>;
export type Role = Me["role"];
export type Workspace = Me["workspace"];
export type ApiKey = InferResponseType<(typeof api)["api-keys"]["$get"], 200>["data"][number];
export type Member = InferResponseType<typeof api.members.$get, 200>["data"][number];
