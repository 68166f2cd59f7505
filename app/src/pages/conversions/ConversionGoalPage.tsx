import { createResource, createSignal, Show } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { type ConversionGoal, getConversionGoal, removeConversionGoal, saveConversionGoal } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { MODEL_LABELS } from "./money";

type Values = { event: string; revenue_property: string; window_days: string; model: string; touch: string };
const FIELDS = ["event", "revenue_property", "window_days", "model", "touch"];
const DEFAULTS: Values = {
	event: "purchase",
	revenue_property: "revenue",
	window_days: "7",
	model: "last_touch",
	touch: "click",
};

const valuesOf = (goal: ConversionGoal | null): Values =>
	goal
		? {
				event: goal.event,
				revenue_property: goal.revenue_property ?? "",
				window_days: String(goal.window_days),
				model: goal.model,
				touch: goal.touch,
			}
		: DEFAULTS;

/** Settings → Conversion goal: which event is a conversion and how email gets the credit. */
export default function ConversionGoalPage() {
	const me = useMe();
	const canEdit = () => atLeast(me().role, "admin");
	const [goal, { mutate }] = createResource(getConversionGoal);
	const [edited, setEdited] = createSignal<Partial<Values>>({});
	const values = (): Values => ({ ...valuesOf(goal() ?? null), ...edited() });
	const bind = (key: keyof Values) => ({
		value: values()[key],
		onInput: (e: { currentTarget: { value: string } }) => setEdited((v) => ({ ...v, [key]: e.currentTarget.value })),
		onChange: (e: { currentTarget: { value: string } }) => setEdited((v) => ({ ...v, [key]: e.currentTarget.value })),
	});

	const form = createSubmission(async () => {
		const v = values();
		const saved = await saveConversionGoal({
			event: v.event,
			revenue_property: v.revenue_property.trim() || null,
			window_days: Number(v.window_days),
			model: v.model as ConversionGoal["model"],
			touch: v.touch as ConversionGoal["touch"],
		});
		mutate(saved);
		setEdited({});
		toast.success("Conversion goal saved");
	}, FIELDS);
	const remove = createSubmission(async () => {
		await removeConversionGoal();
		mutate(null);
		setEdited({});
		toast.success("Conversion goal removed");
	});

	return (
		<>
			<PageHeader
				title="Conversion goal"
				description="The event that counts as a conversion (a purchase, a signup) and how your emails get the credit. Campaign reports and the Overview show conversions and revenue from it."
			/>
			<form class="card form-card" onSubmit={form.submit} noValidate data-testid="conversion-goal-form">
				<Show when={!canEdit()}>
					<FormAlert tone="info" message={`Only admins and owners can change the goal. You are ${me().role}.`} />
				</Show>
				<fieldset class="stack" disabled={!canEdit() || form.pending() || goal.loading}>
					<legend class="sr-only">Conversion goal</legend>
					<FormAlert message={form.formError() ?? remove.formError()} />
					<div class="grid-2">
						<TextField
							label="Goal event"
							name="event"
							hint="The event name your app sends to Pulse, e.g. purchase."
							{...bind("event")}
							error={form.field("event")}
						/>
						<TextField
							label="Revenue property"
							name="revenue_property"
							hint="The event property with the amount. Leave empty to count conversions only."
							{...bind("revenue_property")}
							error={form.field("revenue_property")}
						/>
					</div>
					<div class="grid-2">
						<TextField
							label="Attribution window (days)"
							name="window_days"
							type="number"
							min={1}
							max={90}
							inputmode="numeric"
							hint="How long after a click a conversion still counts for the email."
							{...bind("window_days")}
							error={form.field("window_days")}
						/>
						<SelectField
							label="What counts as a touch"
							name="touch"
							options={[
								{ value: "click", label: "A click" },
								{ value: "click_or_open", label: "A click or an open" },
							]}
							hint="Machine opens (privacy proxies) and bot clicks never count."
							{...bind("touch")}
							error={form.field("touch")}
						/>
					</div>
					<SelectField
						label="Attribution model"
						name="model"
						options={Object.entries(MODEL_LABELS).map(([value, label]) => ({ value, label }))}
						hint="Last touch: the most recent email clicked gets the credit. First touch: the earliest in the window. Linear: every email clicked in the window shares it equally."
						{...bind("model")}
						error={form.field("model")}
					/>
				</fieldset>
				<Show when={canEdit()}>
					<div class="form-actions">
						<Show when={goal()}>
							<Button type="button" variant="ghost" loading={remove.pending()} onClick={() => remove.submit()}>
								Remove goal
							</Button>
						</Show>
						<Button type="submit" variant="primary" loading={form.pending()}>
							Save goal
						</Button>
					</div>
				</Show>
			</form>
		</>
	);
}
