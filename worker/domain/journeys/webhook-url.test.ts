import { describe, expect, it } from "vitest";
import { parseIpv4, webhookUrlProblem } from "./webhook-url";

const refused = (url: string, local = false) => webhookUrlProblem(url, { local });

describe("webhook URL rules", () => {
	it("accepts https to public hosts and addresses", () => {
		for (const url of ["https://hooks.example.com/pulse?x=1", "https://8.8.8.8/", "https://[2606:4700::1111]/h"]) {
			expect(refused(url), url).toBeNull();
		}
	});

	it("refuses plain http, other schemes, and credentials in the URL", () => {
		expect(refused("http://hooks.example.com/")).toMatch(/https/);
		expect(refused("ftp://hooks.example.com/")).toMatch(/https/);
		expect(refused("https://user:pw@hooks.example.com/")).toMatch(/user name/);
		expect(refused("not a url")).toMatch(/Not a URL/);
	});

	it("allows http to 127.0.0.1 and localhost only while Pulse runs locally", () => {
		for (const url of ["http://127.0.0.1:9000/hook", "http://localhost:3000/hook", "http://[::1]:8080/"]) {
			expect(refused(url, true), url).toBeNull();
			expect(refused(url, false), url).not.toBeNull();
			expect(refused(url.replace("http:", "https:"), false), url).toMatch(/private/);
		}
		expect(refused("http://10.0.0.8/", true)).not.toBeNull();
	});

	it("refuses private, loopback, link-local (the metadata service), unspecified and internal hosts", () => {
		for (const url of [
			"https://10.1.2.3/",
			"https://172.16.0.1/",
			"https://172.31.255.255/",
			"https://192.168.1.1/",
			"https://100.64.0.1/",
			"https://127.0.0.1/",
			"https://169.254.169.254/latest/meta-data/",
			"https://0.0.0.0/",
			"https://[::1]/",
			"https://[::]/",
			"https://[fc00::1]/",
			"https://[fd12:3456::1]/",
			"https://[fe80::1]/",
			"https://[::ffff:169.254.169.254]/",
			"https://[::ffff:10.0.0.1]/",
			"https://metadata.google.internal/computeMetadata/v1/",
			"https://metadata.google.internal./",
			"https://metadata/",
			"https://localhost/",
			"https://api.localhost/",
			"https://printer.local/",
		]) {
			expect(refused(url), url).toMatch(/private/);
		}
		expect(refused("https://172.32.0.1/")).toBeNull();
		expect(refused("https://11.0.0.1/")).toBeNull();
	});

	it("reads decimal, octal and hex IPv4 forms as the address they name before checking", () => {
		for (const url of [
			"http://2130706433/",
			"https://2130706433/",
			"https://0177.0.0.1/",
			"https://0x7f.0.0.1/",
			"https://0x7f000001/",
			"https://127.1/",
			"https://0xA9FEA9FE/",
			"https://2852039166/",
			"https://012.0.0.1/",
		]) {
			expect(refused(url), url).not.toBeNull();
		}
		expect(parseIpv4("2130706433")).toEqual([127, 0, 0, 1]);
		expect(parseIpv4("0177.0.0.1")).toEqual([127, 0, 0, 1]);
		expect(parseIpv4("0x7f.1")).toEqual([127, 0, 0, 1]);
		expect(parseIpv4("169.254.43518")).toEqual([169, 254, 169, 254]);
		expect(parseIpv4("hooks.example.com")).toBeNull();
		expect(parseIpv4("256.1.1.1")).toBeNull();
	});
});
