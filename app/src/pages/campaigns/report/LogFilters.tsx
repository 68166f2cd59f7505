import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../../components/Button";
import { SearchField } from "../../../components/SearchField";
import { SelectField } from "../../../components/SelectField";
import { toast } from "../../../components/Toasts";
import {
	campaignMessagesCsvUrl,
	createSegment,
	type Engagement,
	type MessageFilter,
	messageOf,
} from "../../../lib/api";
import type { MessageStatus } from "../../../lib/types";

/** Every message status, in lifecycle order (a Record, so the type check keeps it complete). */
const MESSAGE_LABELS: Record<MessageStatus, string> = {
	queued: "Queued",
	sent: "Sent",
	delivered: "Delivered",
	bounced: "Bounced",
	complained: "Complained",
	failed: "Failed",
	suppressed: "Suppressed",
	cancelled: "Cancelled",
	capped: "Capped",
};
export const ENGAGEMENT_LABELS: Record<Engagement, string> = {
	opened: "Opened",
	clicked: "Clicked",
	bounced: "Bounced",
	unsubscribed: "Unsubscribed",
};

type Props = {
	campaignId: string;
	campaignName: string;
	filter: MessageFilter;
	search: string;
	onSearch: (q: string) => void;
	onChange: (change: Partial<MessageFilter>) => void;
	canEdit: boolean;
};

/**
 * The recipient log's filters (status, engagement, part of the address), its CSV export with the same filters,
 * and "Create a segment from these people" for an engagement filter: a segment `{engagement, campaign_id}`, the
 * rule the filter itself follows, so the segment holds exactly these people (and stays up to date).
 */
export function LogFilters(props: Props) {
	const navigate = useNavigate();
	const [creating, setCreating] = createSignal(false);
	const createFromFilter = async (engagement: Engagement) => {
		setCreating(true);
		try {
			const segment = await createSegment({
				name: `${ENGAGEMENT_LABELS[engagement]}: ${props.campaignName}`.slice(0, 200),
				definition: { all: [{ engagement, campaign_id: props.campaignId }] },
			});
			toast.success(`Segment “${segment.name}” created`);
			navigate(`/segments/${segment.id}`);
		} catch (e) {
			toast.error(messageOf(e));
		} finally {
			setCreating(false);
		}
	};
	return (
		<search class="filter-bar" aria-label="Filter recipients">
			<SearchField placeholder="Part of the email address" value={props.search} onInput={props.onSearch} />
			<SelectField
				label="Status"
				name="status"
				value={props.filter.status ?? ""}
				onChange={(e) => props.onChange({ status: (e.currentTarget.value || undefined) as MessageStatus | undefined })}
				options={[
					{ value: "", label: "All statuses" },
					...Object.entries(MESSAGE_LABELS).map(([value, label]) => ({ value, label })),
				]}
			/>
			<SelectField
				label="Engagement"
				name="engagement"
				value={props.filter.engagement ?? ""}
				onChange={(e) => props.onChange({ engagement: (e.currentTarget.value || undefined) as Engagement | undefined })}
				options={[
					{ value: "", label: "Anyone" },
					...Object.entries(ENGAGEMENT_LABELS).map(([value, label]) => ({ value, label })),
				]}
			/>
			<div class="filter-actions">
				<a
					class="btn btn-secondary btn-md"
					href={campaignMessagesCsvUrl(props.campaignId, props.filter)}
					download=""
					data-testid="export-csv"
				>
					Export CSV
				</a>
				<Show when={props.canEdit && props.filter.engagement}>
					{(engagement) => (
						<Button onClick={() => createFromFilter(engagement())} loading={creating()} data-testid="segment-from-log">
							Create a segment from these people
						</Button>
					)}
				</Show>
			</div>
		</search>
	);
}
