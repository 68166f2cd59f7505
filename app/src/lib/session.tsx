import { useLocation, useNavigate } from "@solidjs/router";
import { createContext, createResource, type JSX, type Resource, useContext } from "solid-js";
import { ApiError, api, call } from "./api";
import type { Me } from "./types";

type Session = { me: Resource<Me | null>; refetch: () => void; setMe: (me: Me | null) => void };

const SessionContext = createContext<Session>();

/** Loads `GET /me` for the signed-in shell; a 401 sends the visitor to /login (and back here afterwards). */
export function SessionProvider(props: { children: JSX.Element }) {
	const navigate = useNavigate();
	const location = useLocation();
	const [me, { refetch, mutate }] = createResource(async () => {
		try {
			return await call(api.me.$get());
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) {
				const next = location.pathname === "/" ? "" : `?next=${encodeURIComponent(location.pathname)}`;
				navigate(`/login${next}`, { replace: true });
				return null;
			}
			throw error;
		}
	});
	return (
		<SessionContext.Provider value={{ me, refetch: () => void refetch(), setMe: (value) => mutate(value) }}>
			{props.children}
		</SessionContext.Provider>
	);
}

export function useSession(): Session {
	const session = useContext(SessionContext);
	if (!session) throw new Error("useSession() outside <SessionProvider>");
	return session;
}

/** The signed-in caller; only call inside the shell, which renders pages once `me` is loaded. */
export function useMe(): () => Me {
	const { me } = useSession();
	return () => {
		const value = me.latest;
		if (!value) throw new Error("useMe() before the session loaded");
		return value;
	};
}
