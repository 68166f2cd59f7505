import { createSignal } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { SelectField } from "../../components/SelectField";
import { toast } from "../../components/Toasts";
import { messageOf, saveAuditRetention } from "../../lib/api";

const CHOICES = [30, 90, 180, 365, 730, 1825];

/** How long audit entries are kept; the daily upkeep deletes older ones. */
export function RetentionCard(props: { days: number | null; onSaved: (days: number | null) => void }) {
	const [value, setValue] = createSignal(props.days === null ? "" : String(props.days));
	const [busy, setBusy] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const options = () => [
		{ value: "", label: "Keep forever" },
		...[...new Set([...CHOICES, ...(props.days ? [props.days] : [])])]
			.sort((a, b) => a - b)
			.map((d) => ({ value: String(d), label: `${d} days` })),
	];
	const save = async (event: SubmitEvent) => {
		event.preventDefault();
		setBusy(true);
		setError(undefined);
		try {
			const days = value() ? Number(value()) : null;
			await saveAuditRetention(days);
			props.onSaved(days);
			toast.success(days ? `Audit entries are kept ${days} days` : "Audit entries are kept forever");
		} catch (e) {
			setError(messageOf(e));
		} finally {
			setBusy(false);
		}
	};
	return (
		<section class="card" aria-labelledby="retention-title">
			<h2 id="retention-title" class="card-title">
				Retention
			</h2>
			<form class="stack" onSubmit={save}>
				<SelectField
					label="Keep audit entries"
					name="retention"
					hint="Older entries are deleted once a day."
					options={options()}
					value={value()}
					onChange={(e) => setValue(e.currentTarget.value)}
				/>
				<FormAlert message={error()} />
				<div>
					<Button type="submit" loading={busy()}>
						Save retention
					</Button>
				</div>
			</form>
		</section>
	);
}
