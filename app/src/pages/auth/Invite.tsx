import { useNavigate, useParams } from "@solidjs/router";
import { createResource, Match, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { LinkButton } from "../../components/LinkButton";
import { LoadingState } from "../../components/Spinner";
import { toast } from "../../components/Toasts";
import { ApiError, acceptInvite, getMe } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { AuthLayout } from "./AuthLayout";

/** `/invite/:token`: signed in → accept it; otherwise sign up with it, or sign in and come back. */
export default function Invite() {
	const params = useParams<{ token: string }>();
	const navigate = useNavigate();
	const next = () => encodeURIComponent(`/invite/${params.token}`);
	const [me] = createResource(async () => {
		try {
			return await getMe();
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) return null;
			throw error;
		}
	});
	const accept = createSubmission(async () => {
		await acceptInvite(params.token);
		toast.success("You joined the workspace");
		navigate("/", { replace: true });
	});

	return (
		<AuthLayout title="You're invited to Pulse" subtitle="Join your team's workspace to work on campaigns together.">
			<Switch>
				<Match when={me.loading}>
					<LoadingState label="Checking your session…" />
				</Match>
				<Match when={me.error}>
					<FormAlert message="Could not check your session. Reload the page to try again." />
				</Match>
				<Match when={me()}>
					{(current) => (
						<div class="stack">
							<p>
								Signed in as <strong>{current().user?.email}</strong>. Accepting switches you to the invited workspace;
								the invitation must have been sent to this address.
							</p>
							<FormAlert message={accept.formError()} />
							<Button variant="primary" class="btn-block" loading={accept.pending()} onClick={() => accept.submit()}>
								Accept invitation
							</Button>
							<LinkButton href="/" variant="ghost" block>
								Not now
							</LinkButton>
						</div>
					)}
				</Match>
				<Match when={me() === null}>
					<div class="stack">
						<LinkButton href={`/signup?next=${next()}`} variant="primary" block>
							Create an account to join
						</LinkButton>
						<LinkButton href={`/login?next=${next()}`} block>
							I already have an account
						</LinkButton>
					</div>
				</Match>
			</Switch>
		</AuthLayout>
	);
}
