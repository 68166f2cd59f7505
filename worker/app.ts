import { OpenAPIHono } from "@hono/zod-openapi";
import { type ModelResolver, resolveConfiguredModel } from "./ai/model";
import { publicBaseUrl } from "./config";
import type { AppEnv } from "./context";
import { type OpenApiDoc, withExamples } from "./domain/openapi-examples";
import { ApiError } from "./errors";
import { bodyLimits } from "./middleware/body-limit";
import { errorResponse, handleError } from "./middleware/errors";
import { requestContext } from "./middleware/request-id";
import { alertRoutes } from "./routes/alerts";
import { apiKeyRoutes } from "./routes/api-keys";
import { approvalPolicyRoutes, campaignReviewRoutes, journeyReviewRoutes } from "./routes/approvals";
import { assistantRoutes } from "./routes/assistant";
import { audienceRoutes } from "./routes/audience";
import { authRoutes } from "./routes/auth";
import { bulkRoutes } from "./routes/bulk";
import { campaignAbRoutes } from "./routes/campaign-ab";
import { campaignReportRoutes } from "./routes/campaign-reports";
import { campaignRoutes } from "./routes/campaigns";
import { cloneRoutes } from "./routes/clone";
import { contactRoutes } from "./routes/contacts";
import { conversionRoutes } from "./routes/conversions";
import { renderDocs } from "./routes/docs";
import { healthRoutes } from "./routes/health";
import { healthDetailRoutes } from "./routes/health-detail";
import { importRoutes } from "./routes/imports";
import { ingestRoutes } from "./routes/ingest";
import { contactJourneyRoutes, journeyEngineRoutes } from "./routes/journey-engine";
import { journeyRoutes } from "./routes/journeys";
import { listRoutes } from "./routes/lists";
import { mcpRoutes } from "./routes/mcp";
import { memberRoutes } from "./routes/members";
import { notificationRoutes } from "./routes/notifications";
import { outboxRoutes } from "./routes/outbox";
import { overviewRoutes } from "./routes/overview";
import { planningRoutes } from "./routes/planning";
import { savedBlockRoutes } from "./routes/saved-blocks";
import { searchRoutes } from "./routes/search";
import { segmentRoutes } from "./routes/segments";
import { sendingDomainRoutes } from "./routes/sending-domains";
import { shopifyRoutes, shopifyWebhookRoutes } from "./routes/shopify";
import { signupRoutes } from "./routes/signup";
import { signupFormRoutes } from "./routes/signup-forms";
import { snippetRoutes } from "./routes/snippet";
import { templateRoutes } from "./routes/templates";
import { topicRoutes } from "./routes/topics";
import { trackingRoutes } from "./routes/tracking";
import { unsubscribeRoutes } from "./routes/unsubscribe";
import { validationHook } from "./routes/validation";
import { webhookEndpointRoutes } from "./routes/webhook-endpoints";
import { webhookRoutes } from "./routes/webhooks";
import { workspaceRoutes } from "./routes/workspace";

const OPENAPI_CONFIG = {
	openapi: "3.1.0",
	info: {
		title: "Pulse API",
		version: "1.0.0",
		description: "Contacts, segments, templates, campaigns and live results for Pulse workspaces.",
	},
};

export type AppOptions = {
	/** Which language model the assistant uses; by default the one configured in the environment. */
	resolveModel?: ModelResolver;
};

function buildApp(options: AppOptions = {}) {
	const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
	app.use("*", requestContext);
	app.use("*", bodyLimits);
	app.onError(handleError);
	app.notFound((c) =>
		errorResponse(c, new ApiError("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`)),
	);
	app.openAPIRegistry.registerComponent("securitySchemes", "cookieAuth", {
		type: "apiKey",
		in: "cookie",
		name: "pulse_session",
	});
	app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer" });
	app.openAPIRegistry.registerComponent("securitySchemes", "basicAuth", { type: "http", scheme: "basic" });
	const routes = app
		.route("/health", healthRoutes)
		.route("/t", trackingRoutes)
		.route("/u", unsubscribeRoutes)
		.route("/webhooks/shopify", shopifyWebhookRoutes)
		.route("/webhooks", webhookRoutes)
		.route("/api/v1/auth", authRoutes)
		.route("/api/v1", workspaceRoutes)
		.route("/api/v1/api-keys", apiKeyRoutes)
		.route("/api/v1/members", memberRoutes)
		.route("/api/v1/sending-domains", sendingDomainRoutes)
		.route("/api/v1/topics", topicRoutes)
		.route("/api/v1", contactRoutes)
		.route("/api/v1", importRoutes)
		.route("/api/v1/segments", segmentRoutes)
		.route("/api/v1/lists", listRoutes)
		.route("/api/v1/templates", templateRoutes)
		.route("/api/v1/saved-blocks", savedBlockRoutes)
		.route("/api/v1/outbox", outboxRoutes)
		.route("/api/v1/campaigns", campaignReportRoutes)
		.route("/api/v1/campaigns", campaignAbRoutes)
		.route("/api/v1/campaigns", campaignRoutes)
		.route("/api/v1/audience", audienceRoutes)
		.route("/api/v1", conversionRoutes)
		.route("/api/v1/journeys", journeyRoutes)
		.route("/api/v1/journeys", journeyEngineRoutes)
		.route("/api/v1", contactJourneyRoutes)
		.route("/api/v1", cloneRoutes)
		.route("/api/v1", bulkRoutes)
		.route("/api/v1", searchRoutes)
		.route("/api/v1", healthDetailRoutes)
		.route("/api/v1/alert-rules", alertRoutes)
		.route("/api/v1/overview", overviewRoutes)
		.route("/api/v1/webhook-endpoints", webhookEndpointRoutes)
		.route("/api/v1/signup-forms", signupFormRoutes)
		.route("/api/v1/integrations/shopify", shopifyRoutes)
		.route("/api/v1", notificationRoutes)
		.route("/api/v1", approvalPolicyRoutes)
		.route("/api/v1", planningRoutes)
		.route("/api/v1/campaigns", campaignReviewRoutes)
		.route("/api/v1/journeys", journeyReviewRoutes)
		.route("/api/v1/assistant", assistantRoutes(options.resolveModel ?? resolveConfiguredModel))
		.route("/mcp", mcpRoutes)
		.route("/v1", ingestRoutes)
		.route("/snippet.js", snippetRoutes)
		.route("/f", signupRoutes);
	return { app, routes };
}

export function createApp(options: AppOptions = {}) {
	const { app } = buildApp(options);
	// Both carry an example request per route (`x-codeSamples`), addressed to this deployment.
	const documented = (c: { env: Env; req: { url: string } }) =>
		withExamples(app.getOpenAPI31Document(OPENAPI_CONFIG) as never as OpenApiDoc, publicBaseUrl(c.env, c.req.url));
	app.get("/api/openapi.json", (c) => c.json(documented(c)));
	app.get("/api/docs", (c) => c.html(renderDocs(documented(c) as never)));
	return app;
}

export type AppType = ReturnType<typeof buildApp>["routes"];
