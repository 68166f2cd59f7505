import { durationProblem } from "../journeys/duration";
import { isTimeZone } from "../journeys/local-time";

export type SendSettingsPatch = {
	timezone?: string;
	frequency_cap?: { max: number; per: string } | null;
	quiet_hours?: { start: string; end: string } | null;
};

/** The first field of a workspace's sending rules that cannot be used, with why; null when all can. */
export function sendSettingsProblem(patch: SendSettingsPatch): { path: string; message: string } | null {
	if (patch.timezone !== undefined && !isTimeZone(patch.timezone))
		return { path: "timezone", message: `"${patch.timezone}" is not an IANA time zone such as Europe/Berlin or UTC` };
	const per = patch.frequency_cap?.per;
	const perProblem = per === undefined ? null : durationProblem(per);
	if (perProblem) return { path: "frequency_cap.per", message: perProblem };
	if (patch.quiet_hours && patch.quiet_hours.start === patch.quiet_hours.end)
		return { path: "quiet_hours.end", message: "Quiet hours end at a different time than they start" };
	return null;
}

/** The columns the patch changes (undefined: left as they are; null: removed). */
export function sendSettingsColumns(patch: SendSettingsPatch) {
	const cap = patch.frequency_cap;
	const quiet = patch.quiet_hours;
	return {
		timezone: patch.timezone,
		frequencyCapMax: cap === undefined ? undefined : (cap?.max ?? null),
		frequencyCapPer: cap === undefined ? undefined : (cap?.per ?? null),
		quietHoursStart: quiet === undefined ? undefined : (quiet?.start ?? null),
		quietHoursEnd: quiet === undefined ? undefined : (quiet?.end ?? null),
	};
}
