import { startFakeResend } from "../../scripts/fake-resend.mjs";

/** The fake Resend server the engine tests send to, on the port vitest.config.ts gave the worker. */
export default async function () {
	const server = await startFakeResend({ port: Number(process.env.FAKE_RESEND_PORT) });
	return async () => {
		await server.close();
	};
}
