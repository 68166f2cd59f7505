import { createEffect, createSignal, For, on, Show } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { updateWorkspace } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { atLeast } from "../../lib/roles";
import { useMe, useSession } from "../../lib/session";
import type { Workspace } from "../../lib/types";

type Values = { timezone: string; capMax: string; capPer: string; quietStart: string; quietEnd: string };
const FIELDS = ["timezone", "frequency_cap", "quiet_hours"];
const WINDOWS = [
	{ value: "PT12H", label: "12 hours" },
	{ value: "P1D", label: "day" },
	{ value: "P7D", label: "7 days" },
	{ value: "P30D", label: "30 days" },
];

const valuesOf = (w: Workspace): Values => ({
	timezone: w.timezone,
	capMax: w.frequency_cap ? String(w.frequency_cap.max) : "",
	capPer: w.frequency_cap?.per ?? "P1D",
	quietStart: w.quiet_hours?.start ?? "",
	quietEnd: w.quiet_hours?.end ?? "",
});

/** Every IANA zone the browser knows, for the time zone field's suggestions. */
const zones = (): string[] => {
	const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
	return intl.supportedValuesOf?.("timeZone") ?? [];
};

/** The workspace's time zone, frequency cap and quiet hours: the rules every marketing email follows. */
export function SendingRules() {
	const me = useMe();
	const { refetch } = useSession();
	const canEdit = () => atLeast(me().role, "admin");
	const [values, setValues] = createSignal<Values>(valuesOf(me().workspace));
	createEffect(
		on(
			() => me().workspace,
			(w) => setValues(valuesOf(w)),
			{ defer: true },
		),
	);
	const bind = (key: keyof Values) => ({
		value: values()[key],
		onInput: (e: { currentTarget: { value: string } }) => setValues((v) => ({ ...v, [key]: e.currentTarget.value })),
	});
	const windows = () =>
		WINDOWS.some((w) => w.value === values().capPer)
			? WINDOWS
			: [...WINDOWS, { value: values().capPer, label: values().capPer }];

	const form = createSubmission(async () => {
		const v = values();
		await updateWorkspace({
			timezone: v.timezone.trim(),
			frequency_cap: v.capMax.trim() ? { max: Number(v.capMax), per: v.capPer } : null,
			quiet_hours: v.quietStart && v.quietEnd ? { start: v.quietStart, end: v.quietEnd } : null,
		});
		toast.success("Sending rules saved");
		refetch();
	}, FIELDS);

	return (
		<form class="card form-card" onSubmit={form.submit} noValidate aria-labelledby="sending-rules-title">
			<h2 id="sending-rules-title" class="card-title">
				Sending rules
			</h2>
			<fieldset class="stack" disabled={!canEdit() || form.pending()}>
				<legend class="sr-only">Sending rules</legend>
				<FormAlert message={form.formError()} />
				<TextField
					label="Time zone"
					name="timezone"
					list="workspace-zones"
					placeholder="Europe/Berlin"
					hint="For contacts without a time zone of their own: quiet hours and local send times."
					{...bind("timezone")}
					error={form.field("timezone")}
				/>
				<datalist id="workspace-zones">
					<For each={zones()}>{(zone) => <option value={zone} />}</For>
				</datalist>
				<div class="grid-2">
					<TextField
						label="Frequency cap (emails per contact)"
						name="frequency_cap_max"
						type="number"
						min={1}
						max={1000}
						step={1}
						inputmode="numeric"
						placeholder="No cap"
						hint="Marketing emails, broadcasts and journeys together. Over it, a broadcast skips the contact; a journey waits."
						{...bind("capMax")}
						error={form.field("frequency_cap.max")}
					/>
					<SelectField
						label="Per"
						name="frequency_cap_per"
						options={windows()}
						value={values().capPer}
						onChange={(e) => setValues((v) => ({ ...v, capPer: e.currentTarget.value }))}
						error={form.field("frequency_cap.per")}
					/>
				</div>
				<div class="grid-2">
					<TextField
						label="Quiet hours from"
						name="quiet_hours_start"
						type="time"
						hint="In each contact's time zone. Journey emails wait until they end."
						{...bind("quietStart")}
						error={form.field("quiet_hours.start")}
					/>
					<TextField
						label="Quiet hours until"
						name="quiet_hours_end"
						type="time"
						{...bind("quietEnd")}
						error={form.field("quiet_hours.end")}
					/>
				</div>
			</fieldset>
			<Show when={canEdit()}>
				<div class="form-actions">
					<Button type="submit" variant="primary" loading={form.pending()}>
						Save sending rules
					</Button>
				</div>
			</Show>
		</form>
	);
}
