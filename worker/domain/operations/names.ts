const MAX_NAME = 200;

/** "Copy of <name>", kept within the 200 characters a name may have. */
export function copyName(name: string): string {
	return `Copy of ${name}`.slice(0, MAX_NAME);
}
