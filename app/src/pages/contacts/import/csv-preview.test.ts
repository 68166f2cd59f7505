import { describe, expect, it } from "vitest";
import { mappingFor, mappingProblem, previewCsv } from "./csv-preview";

describe("the import's column-mapping preview", () => {
	it("reads the header and first rows with quotes, semicolons and a BOM, and guesses like the importer", () => {
		const p = previewCsv('\uFEFFE-mail Address;Prénom;"City; region";Notes\r\nada@x.example;Ada;"Paris; ""IDF""";\r\n');
		expect(p?.headers).toEqual(["E-mail Address", "Prénom", "City; region", "Notes"]);
		expect(p?.rows).toEqual([["ada@x.example", "Ada", 'Paris; "IDF"', ""]]);
		expect(p?.guessed).toEqual(["email", "first_name", "attribute", "attribute"]);
	});

	it("sends a mapping only when a choice differs from the automatic one", () => {
		const p = previewCsv("mail,plan,notes\na@x.example,pro,hi\n");
		if (!p) throw new Error("no preview");
		expect(mappingFor(p, p.guessed)).toBeUndefined();
		expect(mappingFor(p, ["email", "attribute", "skip"])).toEqual({ mail: "email", plan: "attribute", notes: "skip" });
	});

	it("names what is wrong: no email column, a field chosen twice", () => {
		expect(mappingProblem(["a", "b"], ["skip", "attribute"])).toMatch(/email/);
		expect(mappingProblem(["a", "b"], ["email", "email"])).toMatch(/Two columns/);
		expect(mappingProblem(["a", "b"], ["email", "first_name"])).toBeUndefined();
	});
});
