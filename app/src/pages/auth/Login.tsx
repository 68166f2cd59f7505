import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { login } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { safeNext } from "../../lib/next";
import { AuthLayout } from "./AuthLayout";

export default function Login() {
	const navigate = useNavigate();
	const [params] = useSearchParams<{ next?: string }>();
	const [email, setEmail] = createSignal("");
	const [password, setPassword] = createSignal("");
	const form = createSubmission(async () => {
		await login(email(), password());
		navigate(safeNext(params.next), { replace: true });
	}, ["email", "password"]);

	const signupHref = () => (params.next ? `/signup?next=${encodeURIComponent(params.next)}` : "/signup");

	return (
		<AuthLayout
			title="Sign in to Pulse"
			subtitle="Welcome back."
			footer={
				<>
					New to Pulse? <A href={signupHref()}>Create an account</A>
				</>
			}
		>
			<form class="stack" onSubmit={form.submit} noValidate>
				<FormAlert message={form.formError()} />
				<TextField
					label="Email"
					name="email"
					type="email"
					autocomplete="email"
					required
					value={email()}
					onInput={(e) => setEmail(e.currentTarget.value)}
					error={form.field("email")}
				/>
				<TextField
					label="Password"
					name="password"
					type="password"
					autocomplete="current-password"
					required
					value={password()}
					onInput={(e) => setPassword(e.currentTarget.value)}
					error={form.field("password")}
				/>
				<Button type="submit" variant="primary" loading={form.pending()} class="btn-block">
					Sign in
				</Button>
			</form>
		</AuthLayout>
	);
}
