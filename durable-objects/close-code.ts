/**
 * The close code to answer a client's close with. 1005, 1006 and 1015 only report what happened (no
 * code, an abrupt drop, a TLS failure) and 1004 is reserved: none may be sent, so those get a normal 1000.
 */
export function closeCodeToEcho(code: number): number {
	const sendable = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
	return sendable ? code : 1000;
}
