/** Message pieces of the engine's diagnostics: expected-lists, hints, excerpts. Pure functions. */
import type { ElementDecl, SchemaModel } from "../schema/model.js";

export function typeName(model: SchemaModel, t: ElementDecl["type"]): string {
  const named = t.kind === "simple" ? model.simpleTypes[t.id] : model.complexTypes[t.id];
  return named.name ?? "(anonymous type)";
}

export function expectedText(names: string[], endOf: string | null): string {
  const items = names.length > 12 ? [...names.slice(0, 12), `... (${names.length - 12} more)`] : [...names];
  if (endOf !== null) items.push(`</${endOf}>`);
  if (items.length === 0) return "no child element";
  if (items.length === 1) return items[0].startsWith("</") || items[0].startsWith("any ") ? items[0] : `<${items[0]}>`;
  return `one of ${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

export function hintFor(names: string[], end: boolean, parent: string, found: string): string {
  if (names.length === 0 && end) return `<${parent}> cannot contain <${found}> here: remove it or move it.`;
  return `Remove <${found}> or move it to where the content model of <${parent}> allows it.`;
}

export function excerpt(text: string): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length > 40 ? t.slice(0, 37) + "..." : t;
}
