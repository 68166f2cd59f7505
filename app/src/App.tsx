import { Route, Router, type RouteSectionProps } from "@solidjs/router";
import { ErrorBoundary, lazy, Suspense } from "solid-js";
import { Button } from "./components/Button";
import { EmptyState } from "./components/EmptyState";
import { LoadingState } from "./components/Spinner";
import { Toaster } from "./components/Toasts";
import { messageOf } from "./lib/api";

const Login = lazy(() => import("./pages/auth/Login"));
const Signup = lazy(() => import("./pages/auth/Signup"));
const Invite = lazy(() => import("./pages/auth/Invite"));
const Shell = lazy(() => import("./pages/shell/Shell"));
const Overview = lazy(() => import("./pages/Overview"));
const NotFound = lazy(() => import("./pages/NotFound"));
const WorkspaceSettings = lazy(() => import("./pages/settings/WorkspaceSettings"));
const ApiKeys = lazy(() => import("./pages/settings/ApiKeys"));
const Members = lazy(() => import("./pages/settings/Members"));
const SendingDomains = lazy(() => import("./pages/settings/SendingDomains"));
const Topics = lazy(() => import("./pages/settings/Topics"));
const Teamwork = lazy(() => import("./pages/settings/Teamwork"));
const Webhooks = lazy(() => import("./pages/settings/Webhooks"));
const ConversionGoalPage = lazy(() => import("./pages/conversions/ConversionGoalPage"));
const Contacts = lazy(() => import("./pages/contacts/Contacts"));
const ContactPage = lazy(() => import("./pages/contacts/ContactPage"));
const ImportContacts = lazy(() => import("./pages/contacts/ImportContacts"));
const Segments = lazy(() => import("./pages/segments/Segments"));
const SegmentBuilder = lazy(() => import("./pages/segments/SegmentBuilder"));
const Lists = lazy(() => import("./pages/lists/Lists"));
const Templates = lazy(() => import("./pages/templates/Templates"));
const NewTemplate = lazy(() => import("./pages/templates/NewTemplate"));
const TemplateEditor = lazy(() => import("./pages/templates/TemplateEditor"));
const Outbox = lazy(() => import("./pages/outbox/Outbox"));
const OutboxMessage = lazy(() => import("./pages/outbox/OutboxMessagePage"));
const Campaigns = lazy(() => import("./pages/campaigns/Campaigns"));
const CampaignForm = lazy(() => import("./pages/campaigns/CampaignForm"));
const CampaignPage = lazy(() => import("./pages/campaigns/CampaignPage"));
const CompareCampaigns = lazy(() => import("./pages/campaigns/CompareCampaigns"));
const CampaignReport = lazy(() => import("./pages/campaigns/ReportPage"));
const CalendarPage = lazy(() => import("./pages/calendar/CalendarPage"));
const Journeys = lazy(() => import("./pages/journeys/Journeys"));
const NewJourney = lazy(() => import("./pages/journeys/NewJourney"));
const JourneyPage = lazy(() => import("./pages/journeys/JourneyPage"));
const AssistantPage = lazy(() => import("./pages/assistant/AssistantPage"));
const SearchPage = lazy(() => import("./pages/search/SearchPage"));
const AuditPage = lazy(() => import("./pages/audit/AuditPage"));
const HealthPage = lazy(() => import("./pages/health/HealthPage"));

function Root(props: RouteSectionProps) {
	return (
		<>
			<ErrorBoundary
				fallback={(error, reset) => (
					<main class="centered">
						<EmptyState title="Something went wrong" action={<Button onClick={reset}>Try again</Button>}>
							{messageOf(error)}
						</EmptyState>
					</main>
				)}
			>
				<Suspense
					fallback={
						<main class="centered">
							<LoadingState />
						</main>
					}
				>
					{props.children}
				</Suspense>
			</ErrorBoundary>
			<Toaster />
		</>
	);
}

export function App() {
	return (
		<Router root={Root}>
			<Route path="/login" component={Login} />
			<Route path="/signup" component={Signup} />
			<Route path="/invite/:token" component={Invite} />
			<Route path="/" component={Shell}>
				<Route path="/" component={Overview} />
				<Route path="/contacts" component={Contacts} />
				<Route path="/contacts/import" component={ImportContacts} />
				<Route path="/contacts/:id" component={ContactPage} />
				<Route path="/segments" component={Segments} />
				<Route path="/segments/new" component={SegmentBuilder} />
				<Route path="/segments/:id" component={SegmentBuilder} />
				<Route path="/lists" component={Lists} />
				<Route path="/templates" component={Templates} />
				<Route path="/templates/new" component={NewTemplate} />
				<Route path="/templates/:id" component={TemplateEditor} />
				<Route path="/campaigns" component={Campaigns} />
				<Route path="/campaigns/new" component={CampaignForm} />
				<Route path="/campaigns/compare" component={CompareCampaigns} />
				<Route path="/campaigns/:id" component={CampaignPage} />
				<Route path="/campaigns/:id/edit" component={CampaignForm} />
				<Route path="/campaigns/:id/report" component={CampaignReport} />
				<Route path="/calendar" component={CalendarPage} />
				<Route path="/journeys" component={Journeys} />
				<Route path="/journeys/new" component={NewJourney} />
				<Route path="/journeys/:id" component={JourneyPage} />
				<Route path="/journeys/:id/edit" component={JourneyPage} />
				<Route path="/outbox" component={Outbox} />
				<Route path="/outbox/:id" component={OutboxMessage} />
				<Route path="/assistant/:id?" component={AssistantPage} />
				<Route path="/search" component={SearchPage} />
				<Route path="/audit" component={AuditPage} />
				<Route path="/settings/health" component={HealthPage} />
				<Route path="/settings/workspace" component={WorkspaceSettings} />
				<Route path="/settings/api-keys" component={ApiKeys} />
				<Route path="/settings/members" component={Members} />
				<Route path="/settings/sending-domains" component={SendingDomains} />
				<Route path="/settings/topics" component={Topics} />
				<Route path="/settings/approvals" component={Teamwork} />
				<Route path="/settings/webhooks" component={Webhooks} />
				<Route path="/settings/conversions" component={ConversionGoalPage} />
				<Route path="*404" component={NotFound} />
			</Route>
		</Router>
	);
}
