import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { signup } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { inviteTokenOf } from "../../lib/next";
import { AuthLayout } from "./AuthLayout";

const FIELDS = ["name", "email", "password", "workspace_name", "invite_token"] as const;

export default function Signup() {
	const navigate = useNavigate();
	const [params] = useSearchParams<{ next?: string }>();
	const invite = () => inviteTokenOf(params.next);
	const [values, setValues] = createSignal({ name: "", email: "", password: "", workspace_name: "" });
	const set = (key: keyof ReturnType<typeof values>) => (e: { currentTarget: { value: string } }) =>
		setValues((v) => ({ ...v, [key]: e.currentTarget.value }));

	const form = createSubmission(async () => {
		const { workspace_name, ...rest } = values();
		const token = invite();
		const json = token ? { ...rest, invite_token: token } : { ...rest, workspace_name };
		await signup(json);
		navigate("/", { replace: true });
	}, FIELDS);

	return (
		<AuthLayout
			title={invite() ? "Join your team on Pulse" : "Create your Pulse account"}
			subtitle={invite() ? "Create an account with the address you were invited at." : "Start sending in minutes."}
			footer={
				<>
					Already have an account?{" "}
					<A href={params.next ? `/login?next=${encodeURIComponent(params.next)}` : "/login"}>Sign in</A>
				</>
			}
		>
			<form class="stack" onSubmit={form.submit} noValidate>
				<FormAlert message={form.formError() ?? form.field("invite_token")} />
				<TextField
					label="Your name"
					name="name"
					autocomplete="name"
					required
					value={values().name}
					onInput={set("name")}
					error={form.field("name")}
				/>
				<TextField
					label="Work email"
					name="email"
					type="email"
					autocomplete="email"
					required
					value={values().email}
					onInput={set("email")}
					error={form.field("email")}
				/>
				<TextField
					label="Password"
					name="password"
					type="password"
					autocomplete="new-password"
					required
					minLength={10}
					hint="At least 10 characters."
					value={values().password}
					onInput={set("password")}
					error={form.field("password")}
				/>
				<Show when={!invite()}>
					<TextField
						label="Workspace name"
						name="workspace_name"
						autocomplete="organization"
						required
						hint="Usually your company or brand. You can change it later."
						value={values().workspace_name}
						onInput={set("workspace_name")}
						error={form.field("workspace_name")}
					/>
				</Show>
				<Button type="submit" variant="primary" loading={form.pending()} class="btn-block">
					{invite() ? "Create account and join" : "Create account"}
				</Button>
			</form>
		</AuthLayout>
	);
}
