import type { InferRequestType } from "hono/client";
import { api, call } from "./client";

type SignupBody = InferRequestType<typeof api.auth.signup.$post>["json"];

export const getMe = () => call(api.me.$get());
export const login = (email: string, password: string) => call(api.auth.login.$post({ json: { email, password } }));
export const signup = (json: SignupBody) => call(api.auth.signup.$post({ json }));
export const logout = () => call(api.auth.logout.$post());
export const acceptInvite = (token: string) => call(api.auth["accept-invite"].$post({ json: { token } }));
export const switchWorkspace = (workspaceId: string) =>
	call(api.auth["switch-workspace"].$post({ json: { workspace_id: workspaceId } }));
