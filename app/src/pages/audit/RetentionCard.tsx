import { createSignal } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { SelectField } from "../../components/SelectField";
import { toast } from "../../components/Toasts";
import { saveAuditRetention } from "../../lib/api";
import { createSubmission } from "../../lib/form";

const CHOICES = [30, 90, 180, 365, 730, 1825];

/** How long audit entries are kept; the daily upkeep deletes older ones. */
export function RetentionCard(props: { days: number | null; onSaved: (days: number | null) => void }) {
	const [value, setValue] = createSignal(props.days === null ? "" : String(props.days));
	const options = () => [
		{ value: "", label: "Keep forever" },
		...[...new Set([...CHOICES, ...(props.days ? [props.days] : [])])]
			.sort((a, b) => a - b)
			.map((d) => ({ value: String(d), label: `${d} days` })),
	];
	const save = createSubmission(async () => {
		const days = value() ? Number(value()) : null;
		await saveAuditRetention(days);
		props.onSaved(days);
		toast.success(days ? `Audit entries are kept ${days} days` : "Audit entries are kept forever");
	}, ["audit_retention_days"]);
	return (
		<section class="card" aria-labelledby="retention-title">
			<h2 id="retention-title" class="card-title">
				Retention
			</h2>
			<form class="stack" onSubmit={save.submit}>
				<SelectField
					label="Keep audit entries"
					name="retention"
					hint="Older entries are deleted once a day."
					options={options()}
					value={value()}
					error={save.field("audit_retention_days")}
					onChange={(e) => setValue(e.currentTarget.value)}
				/>
				<FormAlert message={save.formError()} />
				<div>
					<Button type="submit" loading={save.pending()}>
						Save retention
					</Button>
				</div>
			</form>
		</section>
	);
}
