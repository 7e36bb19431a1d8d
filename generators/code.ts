/**
 * A small code builder for generated TypeScript, in the manner of ajv's lib/compile/codegen/code.ts.
 *
 * Generated source is only ever assembled from `Code` values. The tagged template `_` quotes every
 * interpolated plain value as a literal (strings via JSON, numbers, booleans, null) and splices
 * `Code` and `Name` values verbatim, so an XML name or a schema value can never become code by
 * accident. Identifiers are `Name`s, which refuse anything that is not a safe identifier.
 */

/** Words that may not be used as identifiers (ES reserved words, strict-mode words, TS type keywords). */
const RESERVED = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
  "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
  "while", "with", "yield", "let", "static", "implements", "interface", "package", "private", "protected",
  "public", "await", "async", "arguments", "eval", "undefined", "NaN", "Infinity",
  "any", "unknown", "never", "number", "string", "boolean", "object", "symbol", "bigint", "type", "as",
  "is", "keyof", "readonly", "declare", "namespace", "module", "infer", "of", "satisfies", "abstract",
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isSafeIdentifier(s: string): boolean {
  return IDENTIFIER.test(s) && !RESERVED.has(s);
}

/** Verbatim generated code. Only the builder functions below make one. */
export class Code {
  /** @internal */
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A checked identifier: a valid, non-reserved JavaScript/TypeScript name. */
export class Name extends Code {
  constructor(readonly name: string) {
    if (!isSafeIdentifier(name)) throw new Error(`not a safe identifier: ${JSON.stringify(name)}`);
    super(name);
  }
}

/** A value a template may interpolate: code is spliced, anything else becomes a literal. */
export type CodeArg = Code | string | number | boolean | null | readonly CodeArg[];

/** The literal form of a plain value: JSON, with U+2028/2029 escaped so it is valid in any JS source. */
export function safeStringify(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  if (json === undefined) throw new Error("value has no literal form");
  return json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function interpolate(arg: CodeArg): string {
  if (arg instanceof Code) return arg.text;
  if (Array.isArray(arg)) {
    // An array is a value: one array literal. Code pieces are combined with join().
    const items = arg as readonly CodeArg[];
    if (items.some((a) => a instanceof Code)) throw new Error("interpolate code pieces with join(), not as an array");
    return safeStringify(items);
  }
  if (typeof arg === "number" && !Number.isFinite(arg)) throw new Error(`non-finite number literal: ${arg}`);
  return safeStringify(arg);
}

/** The code template: `_\`if (${x} === ${"a"})\`` splices x and quotes "a". */
export function _(strings: TemplateStringsArray, ...args: CodeArg[]): Code {
  let out = strings[0];
  for (let i = 0; i < args.length; i++) out += interpolate(args[i]) + strings[i + 1];
  return new Code(out);
}

/** A literal of a plain (JSON) value, optionally spread over indented lines. */
export function lit(value: unknown, indent?: number): Code {
  return new Code(safeStringify(value, indent));
}

/** Joins code pieces with a separator (itself code, not a value). */
export function join(items: readonly Code[], separator: string | Code = ", "): Code {
  const sep = separator instanceof Code ? separator.text : separator;
  if (/[^\s,;|&]/.test(sep)) throw new Error(`separator may only hold punctuation and whitespace: ${JSON.stringify(sep)}`);
  return new Code(items.map((c) => c.text).join(sep));
}

/** Lines of code, one per item, each indented by `depth` levels of two spaces. */
export function lines(items: readonly Code[], depth = 0): Code {
  const pad = "  ".repeat(depth);
  return new Code(
    items
      .flatMap((c) => c.text.split("\n"))
      .map((l) => (l === "" ? "" : pad + l))
      .join("\n"),
  );
}

/** A property key: a bare identifier when safe, else a quoted literal ("@_name", "#text", "a-b"). */
export function key(name: string): Code {
  return new Code(IDENTIFIER.test(name) ? name : safeStringify(name));
}

/** Property access: `obj.name` when safe, else `obj["@_name"]`. */
export function prop(obj: Code, name: string): Code {
  return IDENTIFIER.test(name) ? new Code(`${obj.text}.${name}`) : new Code(`${obj.text}[${safeStringify(name)}]`);
}

/** A JSDoc comment; the text is sanitised so it cannot close the comment early. */
export function jsdoc(text: string | undefined, depth = 0): Code {
  if (text === undefined || text.trim() === "") return new Code("");
  const pad = "  ".repeat(depth);
  const body = text
    .trim()
    .replace(/\*\//g, "*\\/")
    .split(/\r?\n/)
    .map((l) => `${pad} * ${l.trim()}`.trimEnd());
  return new Code(`${pad}/**\n${body.join("\n")}\n${pad} */\n`);
}

/** A line comment: newlines are folded so the text cannot leave the comment. */
export function comment(text: string): Code {
  return new Code(`// ${text.replace(/[\r\n\u2028\u2029]+/g, " ")}`);
}

/** Indents every line but the first by `depth` levels (the first continues a line already indented). */
export function indentTail(code: Code, depth: number): Code {
  const pad = "  ".repeat(depth);
  return new Code(code.text.split("\n").map((l, i) => (i === 0 || l === "" ? l : pad + l)).join("\n"));
}
