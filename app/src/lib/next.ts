/** Where to go after signing in: a local path from `?next=`, never another site. */
export function safeNext(next: string | undefined): string {
	return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/** The invitation token carried in a `?next=/invite/<token>` path, if any. */
export function inviteTokenOf(next: string | undefined): string | undefined {
	const match = /^\/invite\/([^/?#]+)$/.exec(next ?? "");
	return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
