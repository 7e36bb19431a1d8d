/**
 * The registry of diagnostic codes. Each area defines its codes in one table with `defineCodes`
 * (message template, default severity, hint); `diagnose` builds a Diagnostic from a code and its
 * parameters. An unknown code throws, so a typo cannot ship a silent diagnostic.
 *
 * Templates use `{name}` placeholders; an array parameter is rendered as a comma list.
 */
import type { Diagnostic, Severity } from "./diagnostic.js";
import { keep } from "./keep.js";

export type Params = Record<string, string | number | boolean | string[]>;

export interface CodeDef {
  severity: Severity;
  message: string;
  hint?: string;
  /** A short name for listings such as SARIF rule descriptions; absent: one is made from the code id. */
  title?: string;
  /** The message is another tool's text (libxml2's): shown whole, cut only at MAX_PARAM_TEXT, never at MESSAGE_*_KEEP. */
  verbatim?: true;
}

const registry = new Map<string, CodeDef>();

export function defineCodes<const T extends Record<string, CodeDef>>(defs: T): { [K in keyof T]: K } {
  const ids = {} as { [K in keyof T]: K };
  for (const [code, def] of Object.entries(defs)) {
    const prior = registry.get(code);
    if (prior !== undefined && prior !== def) throw new Error(`diagnostic code defined twice: ${code}`);
    registry.set(code, def);
    (ids as Record<string, string>)[code] = code;
  }
  return ids;
}

export function codeDef(code: string): CodeDef {
  const def = registry.get(code);
  if (def === undefined) throw new Error(`unknown diagnostic code: ${code}`);
  return def;
}

export function allCodes(): ReadonlyMap<string, CodeDef> {
  return registry;
}

/**
 * The longest parameter text kept whole in a diagnostic. Names may be 50,000 characters and values
 * megabytes, and up to 10,000 diagnostics may each repeat one in message, hint and params: a
 * document of 1,250 40,000-character attribute names held 635 MB of diagnostics.
 */
export const MAX_PARAM_TEXT = 1000;
const CLIP_KEEP = 200;

/** `text`, or its start and its length when longer than MAX_PARAM_TEXT. */
export function clipParamText(text: string): string {
  if (text.length <= MAX_PARAM_TEXT) return text;
  // A copy: a slice would keep the whole original alive.
  return keep(`${text.slice(0, CLIP_KEEP)}… (${text.length} characters)`);
}

/**
 * Control characters as escapes ("\\n", "\\t", "\\u0085"): a message is one line (the text format
 * prints "file:line:col: severity code: message"), and a tab or line break inside a quoted value
 * is invisible otherwise.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) =>
    c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

/**
 * How much of one value a message shows: a quoted value (the document's text) and a bare one (a
 * name, a reason, a list) are cut to this, with their length, so a message stays one readable
 * line (params keep up to MAX_PARAM_TEXT for tools). 100 keeps a Qualys DTD URL whole. Hints are
 * not cut this way: they may hold a snippet to copy (a catalog entry with the URL).
 */
export const MESSAGE_QUOTED_KEEP = 100;
export const MESSAGE_BARE_KEEP = 200;

function clipForMessage(text: string, keep: number): string {
  const chars = [...text];
  // Cut only what is clearly longer: the count would not save much on a value just over the limit.
  return chars.length <= keep + 20 ? text : `${chars.slice(0, keep).join("")}… (${chars.length} characters)`;
}

/**
 * What a quoted placeholder shows for an empty value: `found ""` reads as a typo in the message.
 * After the word "value" ("value "{value}" does not match") the noun is there already.
 */
export const EMPTY_VALUE = "an empty value";
export const EMPTY_AFTER_VALUE = "(empty)";

/** `short`: cut long values for a message (MESSAGE_*_KEEP); otherwise only at MAX_PARAM_TEXT (hints). */
export function render(template: string, params: Params, short = true): string {
  // `"{x}"` after `=` is an attribute as written (name=""), kept; elsewhere an empty value is named.
  return template.replace(/(=?)"\{(\w+)\}"|\{(\w+)\}/g, (_whole, eq: string | undefined, quoted: string | undefined, bare: string | undefined, offset: number) => {
    const name = (quoted ?? bare)!;
    const v = params[name];
    if (v === undefined) throw new Error(`diagnostic template parameter missing: ${name} in "${template}"`);
    const whole = Array.isArray(v) ? v.join(", ") : String(v);
    if (quoted !== undefined && whole === "" && eq === "") return template.slice(0, offset).endsWith("value ") ? EMPTY_AFTER_VALUE : EMPTY_VALUE;
    if (!short) {
      const kept = escapeControls(clipParamText(whole));
      return quoted === undefined ? kept : `${eq}"${kept}"`;
    }
    if (quoted === undefined) return escapeControls(clipForMessage(whole, MESSAGE_BARE_KEEP));
    const shown = clipForMessage(whole, MESSAGE_QUOTED_KEEP);
    // The count goes after the closing quote: inside it would read as part of the value.
    const cut = shown.lastIndexOf("… (");
    return shown === whole ? `${eq}"${escapeControls(whole)}"` : `${eq}"${escapeControls(shown.slice(0, cut))}…"${shown.slice(cut + 1)}`;
  });
}

/**
 * `params` to keep in a diagnostic: over-long texts clipped, and every text a copy (keep), since
 * a name or value sliced from a read chunk would keep the chunk alive as long as the diagnostic.
 */
export function keptParams(params: Params): Params {
  const out: Params = {};
  for (const key in params) {
    const v = params[key];
    out[key] = typeof v === "string" ? keep(clipParamText(v)) : Array.isArray(v) ? v.map((x) => keep(clipParamText(x))) : v;
  }
  return out;
}

export interface Where {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  path?: string;
}

export function diagnose(code: string, params: Params, where: Where, severity?: Severity): Diagnostic {
  const def = codeDef(code);
  const d: Diagnostic = {
    severity: severity ?? def.severity,
    code,
    message: render(def.message, params, def.verbatim !== true),
    line: where.line,
    column: where.column,
  };
  if (where.endLine !== undefined) d.endLine = where.endLine;
  if (where.endColumn !== undefined) d.endColumn = where.endColumn;
  if (where.path !== undefined) d.path = where.path;
  if (def.hint !== undefined) d.hint = render(def.hint, params, false);
  if (Object.keys(params).length > 0) d.params = keptParams(params);
  return d;
}
