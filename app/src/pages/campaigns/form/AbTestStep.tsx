import { Index, Show } from "solid-js";
import { Button } from "../../../components/Button";
import { SelectField } from "../../../components/SelectField";
import { TextField } from "../../../components/TextField";
import { type AbDraft, MAX_VARIANTS, newAbDraft, newVariant, type VariantDraft } from "./ab-draft";
import type { StepProps } from "./step";
import type { TemplateChoices } from "./TemplateStep";
import { VariantPreview } from "./VariantPreview";

const DURATIONS = [
	{ value: "PT30S", label: "30 seconds (to try it out)" },
	{ value: "PT1H", label: "1 hour" },
	{ value: "PT4H", label: "4 hours" },
	{ value: "PT12H", label: "12 hours" },
	{ value: "P1D", label: "1 day" },
	{ value: "P3D", label: "3 days" },
];

/**
 * The A/B test (optional): 2 to 8 variants, each changing the subject, preheader, from name or template; the share
 * of the audience that tests them, what counts as better, how long the test runs and whether the winner goes out by
 * itself to everyone else.
 */
export function AbTestStep(props: StepProps & { choices: TemplateChoices }) {
	const ab = () => props.draft().ab;
	const update = (change: Partial<AbDraft>) => {
		const current = ab();
		if (current) props.set("ab", { ...current, ...change });
	};
	const updateVariant = (i: number, change: Partial<VariantDraft>) =>
		update({ variants: (ab()?.variants ?? []).map((v, j) => (j === i ? { ...v, ...change } : v)) });
	const templateOptions = () => [
		{ value: "", label: "The campaign's template" },
		...(props.choices.templates.latest ?? []).map((t) => ({ value: t.id, label: t.name })),
	];
	return (
		<section class="card stack form-step" aria-labelledby="step-ab">
			<h2 class="card-title step-title" id="step-ab">
				A/B test
			</h2>
			<label class="toggle">
				<input
					type="checkbox"
					name="ab_enabled"
					checked={ab() !== null}
					onChange={(e) => props.set("ab", e.currentTarget.checked ? newAbDraft() : null)}
				/>
				<span>
					<strong>Test variants first</strong>
					<span class="muted small">
						{" "}
						Part of the audience gets the variants; the rest get the one that did best, once the result is real.
					</span>
				</span>
			</label>
			<Show when={ab()}>
				{(test) => (
					<>
						<Show when={props.field("variants") && !props.field("variants.0") && !props.field("variants.1")}>
							<p class="field-error">{props.field("variants")}</p>
						</Show>
						<Index each={test().variants}>
							{(variant, i) => (
								<fieldset class="stack ab-variant" aria-label={`Variant ${variant().name}`}>
									<div class="grid-2">
										<TextField
											label="Variant name"
											name={`variants.${i}.name`}
											value={variant().name}
											onInput={(e) => updateVariant(i, { name: e.currentTarget.value })}
											error={props.field(`variants.${i}.name`)}
										/>
										<SelectField
											label="Template"
											name={`variants.${i}.template_id`}
											value={variant().template_id}
											onChange={(e) => updateVariant(i, { template_id: e.currentTarget.value })}
											error={props.field(`variants.${i}.template_id`)}
											options={templateOptions()}
										/>
									</div>
									<TextField
										label="Subject"
										name={`variants.${i}.subject`}
										placeholder="The template's subject"
										value={variant().subject}
										onInput={(e) => updateVariant(i, { subject: e.currentTarget.value })}
										error={props.field(`variants.${i}.subject`)}
									/>
									<div class="grid-2">
										<TextField
											label="Preheader"
											name={`variants.${i}.preheader`}
											placeholder="The template's preheader"
											value={variant().preheader}
											onInput={(e) => updateVariant(i, { preheader: e.currentTarget.value })}
											error={props.field(`variants.${i}.preheader`)}
										/>
										<TextField
											label="From name"
											name={`variants.${i}.from_name`}
											placeholder="The campaign's from name"
											value={variant().from_name}
											onInput={(e) => updateVariant(i, { from_name: e.currentTarget.value })}
											error={props.field(`variants.${i}.from_name`)}
										/>
									</div>
									<VariantPreview variant={variant()} campaignTemplateId={props.draft().template_id} />
									<Show when={test().variants.length > 2}>
										<div>
											<Button
												size="sm"
												variant="ghost"
												onClick={() => update({ variants: test().variants.filter((_, j) => j !== i) })}
											>
												Remove variant {variant().name}
											</Button>
										</div>
									</Show>
								</fieldset>
							)}
						</Index>
						<Show when={test().variants.length < MAX_VARIANTS}>
							<div>
								<Button
									size="sm"
									onClick={() => update({ variants: [...test().variants, newVariant(test().variants.length)] })}
								>
									Add a variant
								</Button>
							</div>
						</Show>
						<div class="grid-2">
							<TextField
								label="Test group (% of the audience)"
								name="ab_test.test_percent"
								type="number"
								min="1"
								max="100"
								value={test().test_percent}
								onInput={(e) => update({ test_percent: e.currentTarget.value })}
								error={props.field("ab_test.test_percent")}
								hint="The rest receive the winner."
							/>
							<SelectField
								label="Better means more"
								name="ab_test.metric"
								value={test().metric}
								onChange={(e) => update({ metric: e.currentTarget.value as AbDraft["metric"] })}
								error={props.field("ab_test.metric")}
								options={[
									{ value: "clicks", label: "Clicks (people who clicked)" },
									{ value: "opens", label: "Opens (people, not privacy proxies)" },
									{ value: "conversion", label: "Conversions (a goal event)" },
								]}
							/>
						</div>
						<Show when={test().metric === "conversion"}>
							<TextField
								label="Goal event"
								name="ab_test.goal_event"
								placeholder="purchase"
								value={test().goal_event}
								onInput={(e) => update({ goal_event: e.currentTarget.value })}
								error={props.field("ab_test.goal_event")}
							/>
						</Show>
						<SelectField
							label="Test duration"
							name="ab_test.duration"
							value={test().duration}
							onChange={(e) => update({ duration: e.currentTarget.value })}
							error={props.field("ab_test.duration")}
							options={
								DURATIONS.some((d) => d.value === test().duration)
									? DURATIONS
									: [{ value: test().duration, label: test().duration }, ...DURATIONS]
							}
						/>
						<label class="toggle">
							<input
								type="checkbox"
								name="ab_test.auto_send_winner"
								checked={test().auto_send_winner}
								onChange={(e) => update({ auto_send_winner: e.currentTarget.checked })}
							/>
							<span>
								<strong>Send the winner automatically</strong>
								<span class="muted small"> Otherwise the campaign waits for you to pick it when the test ends.</span>
							</span>
						</label>
					</>
				)}
			</Show>
		</section>
	);
}
