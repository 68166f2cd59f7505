import type { ZodError } from "zod";
import { ApiError } from "../errors";

export function validationError(error: ZodError, where: string): ApiError {
	const issues = error.issues.map((issue) => ({
		path: issue.path.map(String).join(".") || where,
		message: issue.message,
	}));
	const first = issues[0];
	const summary = first ? `${first.path}: ${first.message}` : "Invalid input";
	return new ApiError("validation_failed", `Invalid ${where}: ${summary}`, issues);
}

/** The one place where a failed zod validation becomes the API's 400 error. */
export const validationHook = (result: { success: boolean; error?: unknown; target: string }) => {
	if (!result.success)
		throw validationError(result.error as ZodError, result.target === "json" ? "body" : result.target);
};
