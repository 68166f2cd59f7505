import { A } from "@solidjs/router";
import { type Accessor, createResource, Show } from "solid-js";
import { SelectField } from "../../../components/SelectField";
import { Spinner } from "../../../components/Spinner";
import { audienceSize, listSegments, listTopics } from "../../../lib/api";
import { formatNumber } from "../../../lib/format";
import type { Draft } from "./draft";
import type { StepProps } from "./step";

/** "1,234 contacts", or "…" while counting. */
export const countText = (n: number | undefined) =>
	n === undefined ? "…" : `${formatNumber(n)} ${n === 1 ? "contact" : "contacts"}`;

/** The workspace's segments and the audience each choice would have now. */
export function createAudienceChoices(draft: Accessor<Draft>) {
	const [segments] = createResource(async () => (await listSegments({ limit: 500 })).data);
	const [topics] = createResource(async () => (await listTopics()).data);
	const topicId = () => draft().topic_id || null;
	const [allCount] = createResource(
		() => ({ topic: topicId() }),
		({ topic }) => audienceSize(null, topic),
	);
	const [segmentCount] = createResource(
		() => (draft().segment_id ? { segment: draft().segment_id, topic: topicId() } : false),
		({ segment, topic }) => audienceSize(segment, topic),
	);
	return {
		segments,
		topics,
		allCount,
		segmentCount,
		chosenCount: () => (draft().audience === "all" ? allCount.latest : segmentCount.latest),
		segmentName: () => segments.latest?.find((s) => s.id === draft().segment_id)?.name,
	};
}

export type AudienceChoices = ReturnType<typeof createAudienceChoices>;

/** Step 2: all subscribed contacts, or a saved segment, each with its count. */
export function AudienceStep(props: StepProps & { choices: AudienceChoices }) {
	return (
		<section class="card stack form-step" aria-labelledby="step-audience">
			<h2 class="card-title step-title" id="step-audience">
				<span class="step-number">2</span> Audience
			</h2>
			<div class="choices" role="radiogroup" aria-labelledby="step-audience">
				<label class="choice" classList={{ selected: props.draft().audience === "all" }}>
					<input
						type="radio"
						name="audience"
						value="all"
						checked={props.draft().audience === "all"}
						onChange={() => props.set("audience", "all")}
					/>
					<span class="choice-text">
						<strong>All subscribed contacts</strong>
						<span class="muted small">Everyone who is subscribed when the send starts.</span>
					</span>
					<span class="choice-count" data-testid="audience-count-all">
						<Show when={!props.choices.allCount.loading} fallback={<Spinner size="sm" />}>
							{countText(props.choices.allCount.latest?.sendable)}
						</Show>
					</span>
				</label>
				<label class="choice" classList={{ selected: props.draft().audience === "segment" }}>
					<input
						type="radio"
						name="audience"
						value="segment"
						checked={props.draft().audience === "segment"}
						onChange={() => props.set("audience", "segment")}
					/>
					<span class="choice-text">
						<strong>A saved segment</strong>
						<span class="muted small">Contacts matching its rules when the send starts.</span>
					</span>
					<span class="choice-count" data-testid="audience-count-segment">
						<Show when={props.draft().segment_id}>
							<Show when={!props.choices.segmentCount.loading} fallback={<Spinner size="sm" />}>
								{countText(props.choices.segmentCount.latest?.sendable)}
							</Show>
						</Show>
					</span>
				</label>
			</div>
			<Show when={props.draft().audience === "segment"}>
				<Show
					when={(props.choices.segments.latest?.length ?? 0) > 0 || props.choices.segments.loading}
					fallback={
						<p class="muted">
							No segments yet. <A href="/segments/new">Build one</A>, or send to all subscribed contacts.
						</p>
					}
				>
					<SelectField
						label="Segment"
						name="segment_id"
						value={props.draft().segment_id}
						onChange={props.text("segment_id")}
						error={props.field("audience.segment_id")}
						options={[
							{ value: "", label: props.choices.segments.loading ? "Loading segments…" : "Choose a segment" },
							...(props.choices.segments.latest ?? []).map((s) => ({
								value: s.id,
								label: `${s.name} (${formatNumber(s.count)})`,
							})),
						]}
					/>
					<Show
						when={
							props.choices.segmentCount.latest &&
							props.choices.segmentCount.latest.total > props.choices.segmentCount.latest.sendable
						}
					>
						<p class="muted small">
							{formatNumber(
								(props.choices.segmentCount.latest?.total ?? 0) - (props.choices.segmentCount.latest?.sendable ?? 0),
							)}{" "}
							of the segment's contacts are unsubscribed or suppressed: they are skipped.
						</p>
					</Show>
				</Show>
			</Show>
			<Show when={(props.choices.topics.latest?.length ?? 0) > 0 || props.draft().topic_id}>
				<SelectField
					label="Topic"
					name="topic_id"
					value={props.draft().topic_id}
					onChange={props.text("topic_id")}
					error={props.field("topic_id")}
					hint="Contacts who opted out of this topic on their preference page are skipped, and left out of the counts above."
					options={[
						{ value: "", label: "No topic: everyone subscribed" },
						...(props.choices.topics.latest ?? []).map((t) => ({ value: t.id, label: t.name })),
					]}
				/>
			</Show>
			<Show when={props.field("audience") && !props.field("audience.segment_id")}>
				<p class="field-error">{props.field("audience")}</p>
			</Show>
		</section>
	);
}
