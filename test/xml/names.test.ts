/** The reader's name table: names that collide in it, more names than its slots, the length limit. */
import { describe, expect, it } from "vitest";
import type { StartTag } from "../../src/xml/events.js";
import { read } from "./record.js";

const startNames = (run: ReturnType<typeof read>) => run.events.filter((e) => e[0] === "start").map((e) => (e[1] as StartTag).name);

describe("name table", () => {
  it("keeps names apart that share length, first, middle and last character (same hash slot)", () => {
    // a?b?c with different ?s: equal in everything the hash reads.
    const names = ["aXbXc", "aYbYc", "aZbZc", "aXbYc", "aYbXc"];
    const doc = `<r>${names.map((n) => `<${n} ${n}="1"/>`).join("")}${names.map((n) => `<${n}/>`).join("")}</r>`;
    const run = read(doc);
    expect(run.errors).toEqual([]);
    expect(startNames(run)).toEqual(["r", ...names, ...names]);
    const tags = run.events.filter((e) => e[0] === "start").map((e) => e[1] as StartTag);
    expect(tags.slice(1, 6).map((t) => t.attributes[0].name)).toEqual(names);
  });

  it("reports every name right past the table's first size (grows) and far past its cap", () => {
    const names = Array.from({ length: 40_000 }, (_, k) => `e${k.toString(36)}`);
    const doc = `<r>${names.map((n) => `<${n}/>`).join("")}${names.slice(0, 100).map((n) => `<${n}/>`).join("")}</r>`;
    const run = read(doc);
    expect(run.errors).toEqual([]);
    expect(startNames(run)).toEqual(["r", ...names, ...names.slice(0, 100)]);
  });

  it("a table passed on to the next reader (one per document) still tells colliding names apart", () => {
    // The first document fills the slots; the second has different names in the same slots.
    const first = read("<r><aXbXc/><aYbYc/></r>");
    expect(startNames(first)).toEqual(["r", "aXbXc", "aYbYc"]);
    const second = read("<r><aXbYc/><aYbXc/><aXbXc/></r>");
    expect(second.errors).toEqual([]);
    expect(startNames(second)).toEqual(["r", "aXbYc", "aYbXc", "aXbXc"]);
  });

  it("still enforces the name length limit for a new name", () => {
    const run = read(`<${"a".repeat(60)}/>`, { limits: { maxNameLength: 50 } });
    expect(run.errors.map((d) => d.code)).toEqual(["xml/limit"]);
  });
});
