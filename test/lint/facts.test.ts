/** The rules' value tables equal the bundled schemas' enumerations. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { AUTHENTICATION_TYPES, CHECK_TYPES } from "../../src/lint/qualys-facts.js";

const schema = (name: string) => readFileSync(resolve(import.meta.dirname, "../../schemas/qualys", name), "utf8");

function enumeration(xsd: string, element: string): string[] {
  const start = xsd.indexOf(`name="${element}"`);
  const end = xsd.indexOf("</xs:restriction>", start);
  return [...xsd.slice(start, end).matchAll(/<xs:enumeration value="([^"]*)"/g)].map((m) => m[1]);
}

it("CHECK_TYPES is ImportableControl.xsd's CHECK_TYPE enumeration", () => {
  expect(CHECK_TYPES).toEqual(enumeration(schema("ImportableControl.xsd"), "CHECK_TYPE"));
  expect(CHECK_TYPES).toHaveLength(22);
});

it("AUTHENTICATION_TYPES is option_profiles.xsd's AUTHENTICATION_TYPE enumeration", () => {
  expect(AUTHENTICATION_TYPES).toEqual(enumeration(schema("option_profiles.xsd"), "AUTHENTICATION_TYPE"));
});
