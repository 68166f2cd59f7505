import { createResource, createSignal, For, Show } from "solid-js";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import {
	type AlertMetric,
	createAlertRule,
	deleteAlertRule,
	listAlertRules,
	messageOf,
	setAlertRuleEnabled,
} from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { formatRelative } from "../../lib/format";
import { METRICS, thresholdFromInput, thresholdText } from "./health-view";

/** Alert rules: when a figure reaches its threshold the owners are notified (once per breach). */
export function AlertRulesCard() {
	const [rules, { refetch }] = createResource(listAlertRules);
	const [name, setName] = createSignal("");
	const [metric, setMetric] = createSignal<AlertMetric>("dead_letters");
	const [threshold, setThreshold] = createSignal("");
	const labelOf = (m: AlertMetric) => METRICS.find((x) => x.value === m)?.label ?? m;

	const add = createSubmission(async () => {
		const value = thresholdFromInput(metric(), threshold());
		if (value === undefined) throw new Error("Give the threshold as a number");
		await createAlertRule({ name: name().trim(), metric: metric(), threshold: value, enabled: true });
		toast.success(`Alert “${name().trim()}” added`);
		setName("");
		setThreshold("");
		void refetch();
	}, ["name", "metric", "threshold"]);
	const change = async (run: () => Promise<unknown>) => {
		try {
			await run();
			void refetch();
		} catch (e) {
			toast.error(messageOf(e));
		}
	};

	return (
		<section class="card stack" aria-labelledby="alert-rules-title">
			<h2 class="card-title" id="alert-rules-title">
				Alert rules
			</h2>
			<FormAlert message={rules.error ? messageOf(rules.error) : undefined} />
			<Show
				when={(rules()?.length ?? 0) > 0}
				fallback={<p class="muted small">No rules yet. The owners are notified when a rule's figure reaches it.</p>}
			>
				<ul class="rule-list" aria-label="Alert rules">
					<For each={rules()}>
						{(r) => (
							<li data-testid="alert-rule">
								<span>
									<strong>{r.name}</strong>{" "}
									<span class="muted small">
										{labelOf(r.metric)} ≥ {thresholdText(r.metric, r.threshold)}
									</span>{" "}
									<Show when={r.firing_since} fallback={!r.enabled && <Badge>off</Badge>}>
										{(since) => <Badge tone="danger">firing since {formatRelative(since())}</Badge>}
									</Show>
								</span>
								<span>
									<Button size="sm" variant="ghost" onClick={() => change(() => setAlertRuleEnabled(r.id, !r.enabled))}>
										{r.enabled ? "Turn off" : "Turn on"}
									</Button>
									<Button
										size="sm"
										variant="ghost"
										class="text-danger"
										aria-label={`Delete ${r.name}`}
										onClick={() => change(() => deleteAlertRule(r.id))}
									>
										Delete
									</Button>
								</span>
							</li>
						)}
					</For>
				</ul>
			</Show>
			<form class="alert-rule-form" onSubmit={add.submit}>
				<TextField
					label="Rule name"
					name="alert-name"
					placeholder="Dead letters"
					value={name()}
					error={add.field("name")}
					onInput={(e) => setName(e.currentTarget.value)}
				/>
				<SelectField
					label="When"
					name="alert-metric"
					options={METRICS.map((m) => ({ value: m.value, label: m.label }))}
					value={metric()}
					onChange={(e) => setMetric(e.currentTarget.value as AlertMetric)}
				/>
				<TextField
					label={metric() === "rate_used" ? "Reaches (%)" : "Reaches"}
					name="alert-threshold"
					inputMode="decimal"
					placeholder={metric() === "rate_used" ? "90" : "1"}
					value={threshold()}
					error={add.field("threshold")}
					onInput={(e) => setThreshold(e.currentTarget.value)}
				/>
				<Button type="submit" loading={add.pending()}>
					Add rule
				</Button>
			</form>
			<FormAlert message={add.formError()} />
		</section>
	);
}
