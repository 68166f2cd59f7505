import { z } from "@hono/zod-openapi";
import type { Principal } from "../context";
import {
	type AlertRule,
	type AlertRuleInputSchema,
	type AlertRulePatchSchema,
	MAX_ALERT_RULES,
	type StoredAlertRule,
	StoredAlertRuleSchema,
} from "../contracts/alerts";
import { createDb, type Db } from "../db/client";
import { alertSettings, opsSettingsOf, saveOpsSettings } from "../db/ops-settings";
import { alertMessage, evaluateRules, type FiringState, figuresOf, sameFiring } from "../domain/alerts/evaluate";
import { newId } from "../domain/ids";
import { ApiError, notFound } from "../errors";
import { auditInsert } from "./audit";
import { healthDetail } from "./health";
import { notify } from "./notify";

export type AlertWrite = { actor: Principal; ip: string | null };
type Input = z.infer<typeof AlertRuleInputSchema>;
type Patch = z.infer<typeof AlertRulePatchSchema>;

const Stored = z.array(StoredAlertRuleSchema);
/** The stored rules; anything unreadable is left out rather than failing the page or the cron. */
const rulesOf = (raw: unknown): StoredAlertRule[] => {
	const parsed = Stored.safeParse(raw ?? []);
	return parsed.success ? parsed.data : [];
};

const present = (rule: StoredAlertRule, firing: FiringState): AlertRule => {
	const since = firing[rule.id];
	return { ...rule, firing_since: since === undefined ? null : new Date(since).toISOString() };
};

async function load(db: Db, workspaceId: string) {
	const row = await opsSettingsOf(db, workspaceId);
	return { rules: rulesOf(row?.alertRules), firing: row?.alertsFiredAt ?? {} };
}

export async function listAlertRules(db: Db, workspaceId: string) {
	const { rules, firing } = await load(db, workspaceId);
	return { data: rules.map((r) => present(r, firing)) };
}

const audited = (db: Db, write: AlertWrite, action: string, rule: StoredAlertRule) =>
	auditInsert(db, {
		workspaceId: write.actor.workspaceId,
		action: `alert_rule.${action}`,
		actor: write.actor,
		target: { type: "alert_rule", id: rule.id },
		ip: write.ip,
		metadata: { name: rule.name, metric: rule.metric, threshold: rule.threshold, enabled: rule.enabled },
	});

/** Saves the rules (a changed rule starts armed again) and the audit entry in one batch. */
async function store(
	db: Db,
	write: AlertWrite,
	rules: StoredAlertRule[],
	firing: FiringState,
	action: string,
	rule: StoredAlertRule,
) {
	await db.batch([
		saveOpsSettings(db, write.actor.workspaceId, { alertRules: rules, alertsFiredAt: firing }),
		audited(db, write, action, rule),
	]);
}

const without = (firing: FiringState, id: string) =>
	Object.fromEntries(Object.entries(firing).filter(([k]) => k !== id));

export async function createAlertRule(db: Db, write: AlertWrite, input: Input) {
	const { rules, firing } = await load(db, write.actor.workspaceId);
	if (rules.length >= MAX_ALERT_RULES) throw new ApiError("conflict", `At most ${MAX_ALERT_RULES} alert rules`);
	const rule: StoredAlertRule = { id: newId("alr"), ...input };
	await store(db, write, [...rules, rule], firing, "created", rule);
	return present(rule, {});
}

async function findRule(db: Db, workspaceId: string, id: string) {
	const loaded = await load(db, workspaceId);
	const rule = loaded.rules.find((r) => r.id === id);
	if (!rule) throw notFound("Alert rule");
	return { ...loaded, rule };
}

export async function updateAlertRule(db: Db, write: AlertWrite, id: string, patch: Patch) {
	const { rules, firing, rule } = await findRule(db, write.actor.workspaceId, id);
	const next = { ...rule, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
	if (next.metric === "rate_used" && next.threshold > 1)
		throw new ApiError("validation_failed", "rate_used is a share: 0 to 1", [
			{ path: "threshold", message: "rate_used is a share: 0 to 1" },
		]);
	const rest = without(firing, id);
	await store(
		db,
		write,
		rules.map((r) => (r.id === id ? next : r)),
		rest,
		"updated",
		next,
	);
	return present(next, rest);
}

export async function deleteAlertRule(db: Db, write: AlertWrite, id: string) {
	const { rules, firing, rule } = await findRule(db, write.actor.workspaceId, id);
	await store(
		db,
		write,
		rules.filter((r) => r.id !== id),
		without(firing, id),
		"deleted",
		rule,
	);
}

/**
 * From the cron: each workspace's rules against its health figures; a rule reaching its threshold notifies
 * the owners once per breach (it re-arms when the figure falls back under). One workspace failing never
 * stops the others.
 */
export async function runAlertRules(env: Env, now = Date.now()) {
	const db = createDb(env.DB);
	for (const row of await alertSettings(db)) {
		try {
			const rules = rulesOf(row.alertRules);
			const firing = row.alertsFiredAt ?? {};
			if (!rules.some((r) => r.enabled) && Object.keys(firing).length === 0) continue;
			const figures = figuresOf(await healthDetail(env, db, row.workspaceId, now));
			const out = evaluateRules(rules, figures, firing, now);
			if (!sameFiring(out.firing, firing)) await saveOpsSettings(db, row.workspaceId, { alertsFiredAt: out.firing });
			for (const breach of out.fire)
				await notify(
					env,
					row.workspaceId,
					{ roles: ["owner"] },
					{
						kind: "alert",
						...alertMessage(breach),
						link: "/settings/health",
					},
				);
		} catch (error) {
			console.error(JSON.stringify({ workspaceId: row.workspaceId, error: `alert rules: ${String(error)}` }));
		}
	}
}
