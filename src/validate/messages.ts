/** Message pieces of the engine's diagnostics: expected-lists, hints, excerpts. Pure functions. */
import { oneOf } from "../diagnostics/wording.js";
import type { ElementDecl, SchemaModel } from "../schema/model.js";

export function typeName(model: SchemaModel, t: ElementDecl["type"]): string {
  const named = t.kind === "simple" ? model.simpleTypes[t.id] : model.complexTypes[t.id];
  return named.name ?? "(anonymous type)";
}

/** Characters of names a listing spells out before it counts the rest: a message stays one readable line. */
export const LIST_BUDGET = 160;

/**
 * The names a listing spells out: at most `max`, and no more than LIST_BUDGET characters
 * (the first always), the rest counted as "... (N more)".
 */
export function clippedList(names: readonly string[], max = 12): string[] {
  const out: string[] = [];
  let used = 0;
  for (const n of names) {
    if (out.length >= max || (out.length > 0 && used + n.length > LIST_BUDGET)) break;
    out.push(n);
    used += n.length + 2;
  }
  return out.length < names.length ? [...out, `... (${names.length - out.length} more)`] : out;
}

/** "<A>" alone, else "one of A, B or </P>" (at most 12 names, LIST_BUDGET characters); `bare`: names already spelt out (no brackets). */
export function expectedText(names: readonly string[], endOf: string | null = null, bare = false): string {
  const items = clippedList(names);
  if (endOf !== null) items.push(`</${endOf}>`);
  if (items.length === 0) return "no child element";
  if (items.length === 1) return bare || items[0].startsWith("</") || items[0].startsWith("any ") ? items[0] : `<${items[0]}>`;
  return oneOf(items);
}

/** The hint for a child that fits nowhere ahead; `known`: the schema declares its name (so it is misplaced, not unknown). */
export function hintFor(names: string[], end: boolean, parent: string, found: string, known = true): string {
  if (!known) {
    const here = names.length === 0 ? (end ? `</${parent}>` : "no child element") : expectedText(names, end ? parent : null);
    return `<${found}> is not declared in the schema (neither globally nor in the content model of <${parent}>): remove it or correct its name; expected here: ${here}.`;
  }
  if (names.length === 0 && end) return `<${parent}> cannot contain <${found}> here: remove it or move it.`;
  return `Remove <${found}> or move it to where the content model of <${parent}> allows it.`;
}

/** "Add <A> before X." / "Add one of <A>, <B> before X." */
export function missingHint(names: string[], before: string, lower = false): string {
  const add = lower ? "add" : "Add";
  return names.length === 1 ? `${add} <${names[0]}> before ${before}.` : `${add} one of ${names.map((n) => `<${n}>`).join(", ")} before ${before}.`;
}

export function excerpt(text: string): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length > 40 ? t.slice(0, 37) + "..." : t;
}

/** "{urn:q}R" for a namespaced name, "R" in no namespace: how names read when namespaces differ. */
export function clark(uri: string | null, local: string): string {
  return uri === null ? local : `{${uri}}${local}`;
}

/** "R in namespace urn:q" / "R in no namespace"; a URI with white space at an end is quoted, or the space would not show. */
export function inNamespace(uri: string | null, local: string): string {
  return uri === null ? `${local} in no namespace` : `${local} in namespace ${uri.trim() === uri ? uri : JSON.stringify(uri)}`;
}

/** The fix for a name written in the wrong namespace (xmlns on the element or a prefix bound to the URI). */
export function namespaceHint(found: string, wanted: string | null, root: boolean): string {
  if (wanted === null) return `Write <${found}> in no namespace: remove its prefix or the default xmlns that applies to it (xmlns="").`;
  const where = root ? "the root element" : `<${found}>`;
  return `Add xmlns="${wanted}" to ${where} (or use a prefix bound to ${wanted}).`;
}

/** Names listed as "expected ...": one name alone, else "one of A, B or C"; none: "none". */
export function expectedList(names: readonly string[]): string {
  return names.length === 0 ? "none" : oneOf(names);
}

/**
 * " (type X)" after a datatype's reason, or "" when the reason already says it: it names the type
 * (lexical, range) or lists the allowed values (enumeration), which is all the description adds.
 */
export function typeNote(reason: string, typeCode: string, described: string): string {
  if (typeCode === "type/enumeration") return "";
  const base = described.split(" ")[0];
  if (reason === described || reason.includes(described) || (base.length > 0 && reason.includes(base) && !/[(]|matching| in |of /.test(described.slice(base.length)))) return "";
  // "matching P" when the reason already quotes P ("does not match the pattern P"): a long pattern would show twice.
  const m = /,? matching (.+)$/.exec(described);
  const note = typeCode === "type/pattern" && m !== null && reason.includes(m[1]) ? described.slice(0, m.index) : described;
  // A nested anonymous type's description runs to hundreds of characters; the reason already says what failed.
  const chars = [...note];
  return ` (type ${chars.length <= MAX_TYPE_NOTE ? note : `${chars.slice(0, MAX_TYPE_NOTE - 1).join("")}…`})`;
}

/** The longest type description a typeNote shows (as the schema reader's type labels). */
const MAX_TYPE_NOTE = 80;
