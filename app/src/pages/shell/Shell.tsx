import { useLocation } from "@solidjs/router";
import { createEffect, createSignal, type JSX, Match, on, Suspense, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { LoadingState } from "../../components/Spinner";
import { messageOf } from "../../lib/api";
import { SessionProvider, useSession } from "../../lib/session";
import { Sidebar } from "./Sidebar";
import { TestModeBanner } from "./TestModeBanner";
import { Topbar } from "./Topbar";

/** The signed-in app: sidebar navigation, a header with workspace and user, and the current page. */
export default function Shell(props: { children?: JSX.Element }) {
	return (
		<SessionProvider>
			<Frame>{props.children}</Frame>
		</SessionProvider>
	);
}

function Frame(props: { children?: JSX.Element }) {
	const { me, refetch } = useSession();
	const location = useLocation();
	const [navOpen, setNavOpen] = createSignal(false);
	createEffect(
		on(
			() => location.pathname,
			() => setNavOpen(false),
			{ defer: true },
		),
	);

	return (
		<Switch
			fallback={
				<main class="centered">
					<LoadingState label="Loading your workspace…" />
				</main>
			}
		>
			<Match when={me.state === "errored"}>
				<main class="centered">
					<EmptyState title="Pulse could not load your workspace" action={<Button onClick={refetch}>Try again</Button>}>
						{messageOf(me.error)}
					</EmptyState>
				</main>
			</Match>
			<Match when={(me.state === "ready" || me.state === "refreshing") && me.latest}>
				<div class="shell" classList={{ "nav-open": navOpen() }}>
					<Sidebar onNavigate={() => setNavOpen(false)} />
					<button
						type="button"
						class="nav-scrim"
						aria-label="Close navigation"
						tabIndex={-1}
						onClick={() => setNavOpen(false)}
					/>
					<div class="shell-main">
						<Topbar navOpen={navOpen()} onToggleNav={() => setNavOpen((open) => !open)} />
						<TestModeBanner />
						<main class="content" id="content">
							<Suspense fallback={<LoadingState />}>{props.children}</Suspense>
						</main>
					</div>
				</div>
			</Match>
		</Switch>
	);
}
