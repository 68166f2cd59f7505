import type { Role } from "./contracts/common";
import type { Db } from "./db/client";

/** Who is calling: a signed-in user (session cookie) or an API key. */
export type Principal =
	| { kind: "session"; userId: string; sessionId: string; workspaceId: string; role: Role }
	| {
			kind: "api_key";
			apiKeyId: string;
			workspaceId: string;
			role: Role;
			/** An `ingest` key: it may only send contacts and events (/v1/identify, /v1/track, /v1/batch). */
			ingestOnly?: true;
	  };

export type AppEnv = {
	Bindings: Env;
	Variables: {
		requestId: string;
		db: Db;
		principal: Principal;
	};
};
