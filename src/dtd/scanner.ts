/**
 * The reading state of one parseDtdText call: the stack of inputs (the DTD text plus the
 * replacement texts of parameter entities being read), entity-expansion accounting, and the
 * token-level helpers every declaration parser uses. Parameter-entity references are expanded
 * here, in `skipS`, which is where XML 1.0 §2.8/§4.4.8 lets them stand: each expansion counts as
 * the leading and trailing space the spec adds around it.
 */
import { diagnose, type Params } from "../diagnostics/codes.js";
import type { SourceLocation } from "../schema/model.js";
import type { EntityResolver } from "../xml/resolve.js";
import { isRefusal } from "../xml/resolve.js";
import { isNameChar, isNameStartChar, isWhite } from "./chars.js";
import { decodeEntityBytes } from "./decode.js";
import { firstIllegalChar, Input, normalizeNewlines } from "./input.js";
import type { AttributeIndex } from "./decl-attlist.js";
import type { DtdDocument, EntityDeclSyntax } from "./syntax.js";

export interface Limits {
  maxEntityExpansions: number;
  maxEntityNesting: number;
  /** Total characters of parameter-entity text read or included (stops exponential growth). */
  maxExpandedChars: number;
}

export const DEFAULT_LIMITS: Limits = { maxEntityExpansions: 100_000, maxEntityNesting: 40, maxExpandedChars: 20_000_000 };

/** Thrown after a fatal (well-formedness) diagnostic has been recorded: reading stops. */
export class DtdFatal extends Error {
  constructor(
    code: string,
    /** Raised in the DTD's own text (no parameter entity's text being read): recovery may resume there. */
    readonly atTop = false,
  ) {
    super(code);
  }
}

export interface ScannerOptions {
  internal: boolean;
  resolveEntity?: EntityResolver;
  limits: Limits;
}

export interface LoadedText {
  text: string;
  file: string;
}

export class Scanner {
  readonly inputs: Input[];
  private expansions = 0;
  private expandedChars = 0;
  /** The comment seen last, while only whitespace followed it. */
  lastComment: string | undefined;
  /** Depth of external parameter-entity text being expanded inside a literal (not on the input stack). */
  literalEntityDepth = 0;
  /** Each element's attribute definitions read so far, indexed (src/dtd/decl-attlist.ts). */
  readonly attributeIndex = new Map<string, AttributeIndex>();

  constructor(
    readonly doc: DtdDocument,
    readonly options: ScannerOptions,
    top: Input,
  ) {
    this.inputs = [top];
  }

  get cur(): Input {
    return this.inputs[this.inputs.length - 1];
  }

  /** True while reading the internal subset itself (not a parameter entity's text). */
  get inTopInternal(): boolean {
    return this.options.internal && this.inputs.length === 1;
  }

  /** True when declarations read now count as external (XML 1.0 §2.9). */
  get external(): boolean {
    return this.cur.external;
  }

  peek(offset = 0): number {
    const i = this.cur;
    const at = i.pos + offset;
    return at < i.text.length ? i.text.charCodeAt(at) : -1;
  }

  startsWith(s: string): boolean {
    return this.cur.text.startsWith(s, this.cur.pos);
  }

  advance(n = 1): void {
    this.cur.pos += n;
  }

  where(): SourceLocation {
    return this.cur.locate(this.cur.pos);
  }

  report(code: string, params: Params, at: SourceLocation = this.where()): void {
    this.doc.diagnostics.push(diagnose(code, params, { line: at.line, column: at.column }, undefined));
    const d = this.doc.diagnostics[this.doc.diagnostics.length - 1];
    if (at.file !== "") d.schemaLocation = { file: at.file, line: at.line, column: at.column };
  }

  fatal(code: string, params: Params, at: SourceLocation = this.where()): never {
    this.report(code, params, at);
    throw new DtdFatal(code, this.inputs.length === 1 && this.literalEntityDepth === 0);
  }

  /** Describes the text at the cursor for "found ..." in messages. */
  found(): string {
    const c = this.peek();
    if (c === -1) return this.inputs.length > 1 ? `the end of parameter entity %${this.cur.entity};` : "the end of the DTD";
    if (isWhite(c)) return "whitespace";
    const rest = this.cur.text.slice(this.cur.pos, this.cur.pos + 30);
    // A markup opener with its keyword, a name-like word, or else the single character.
    const word = /^<[!?](?:--|\[|[\w.:-]*)/.exec(rest)?.[0] ?? /^[\w.:#-]+/.exec(rest)?.[0] ?? String.fromCodePoint(rest.codePointAt(0)!);
    return `'${word}'`;
  }

  syntax(expected: string, context: string): never {
    // `context` ("in <!ELEMENT a ...>") follows `expected` in the message; it may be empty.
    this.fatal("dtd/syntax", { expected, context: context === "" ? "" : ` ${context}`, found: this.found() });
  }

  /**
   * Skips whitespace and, where they may stand, parameter-entity references (expanding them) and
   * the ends of parameter entities. `inDecl` is true inside a markup declaration. Returns whether
   * anything that counts as whitespace was skipped.
   */
  skipS(inDecl: boolean): boolean {
    let any = false;
    for (;;) {
      const c = this.peek();
      if (c === -1) {
        if (this.inputs.length === 1) return any;
        this.inputs.pop();
        any = true;
        continue;
      }
      if (isWhite(c)) {
        this.advance();
        any = true;
        continue;
      }
      if (c === 0x25 /* % */ && isNameStartChar(this.peek(1))) {
        const refAt = this.where();
        const name = this.peRefName();
        if (name === undefined) {
          // '%' then a name but no ';': a broken reference, except where '%' S introduces a PE declaration.
          if (inDecl) return any;
          this.advance();
          this.readName("a parameter-entity name", "after '%'");
          this.syntax("';' to end the parameter-entity reference", "");
        }
        if (inDecl && this.inTopInternal) this.fatal("dtd/pe-in-internal-subset", { name }, refAt);
        this.advance(name.length + 2);
        if (this.pushParameterEntity(name, refAt)) {
          any = true;
          if (!inDecl) this.cur.declSep = true;
        }
        continue;
      }
      return any;
    }
  }

  /** The name of a well-formed %name; at the cursor, or undefined. */
  private peRefName(): string | undefined {
    const text = this.cur.text;
    let i = this.cur.pos + 1;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3b /* ; */) return undefined;
    return text.slice(this.cur.pos + 1, i);
  }

  /** Requires whitespace (or a parameter-entity boundary) before the next token. */
  requireS(context: string): void {
    if (!this.skipS(true)) this.syntax("whitespace", context);
  }

  readName(what: string, context: string): string {
    const i = this.cur;
    const start = i.pos;
    let p = start;
    const text = i.text;
    if (p < text.length) {
      const c = text.codePointAt(p)!;
      if (isNameStartChar(c)) {
        p += c > 0xffff ? 2 : 1;
        while (p < text.length) {
          const d = text.codePointAt(p)!;
          if (!isNameChar(d)) break;
          p += d > 0xffff ? 2 : 1;
        }
      }
    }
    if (p === start) this.syntax(what, context);
    i.pos = p;
    return text.slice(start, p);
  }

  readNmtoken(what: string, context: string): string {
    const i = this.cur;
    const start = i.pos;
    let p = start;
    const text = i.text;
    while (p < text.length) {
      const d = text.codePointAt(p)!;
      if (!isNameChar(d)) break;
      p += d > 0xffff ? 2 : 1;
    }
    if (p === start) this.syntax(what, context);
    i.pos = p;
    return text.slice(start, p);
  }

  /** Consumes `s` if it is at the cursor. */
  eat(s: string): boolean {
    if (!this.startsWith(s)) return false;
    this.advance(s.length);
    return true;
  }

  expect(s: string, context: string): void {
    if (!this.eat(s)) this.syntax(`'${s}'`, context);
  }

  /** Counts `chars` of entity text against the limits. */
  account(chars: number, at: SourceLocation): void {
    this.expansions++;
    this.expandedChars += chars;
    const l = this.options.limits;
    if (this.expansions > l.maxEntityExpansions) this.fatal("dtd/entity-limit", { what: "too many entity references", limit: l.maxEntityExpansions }, at);
    if (this.expandedChars > l.maxExpandedChars) this.fatal("dtd/entity-limit", { what: "too much entity text", limit: l.maxExpandedChars }, at);
  }

  /**
   * At the end of a declaration or section that began in `startInput`: a parameter entity
   * referenced between declarations must hold whole declarations (WFC: PE Between Declarations,
   * fatal); one referenced inside a declaration must not hold only part of it (VC: Proper
   * Declaration/PE Nesting).
   */
  checkDeclNesting(startInput: Input, construct: string, at: SourceLocation): void {
    if (this.cur === startInput) return;
    const escaped = [startInput, this.cur].find((i) => i.declSep && i.entity !== null);
    if (escaped !== undefined) this.fatal("dtd/pe-between-declarations", { name: escaped.entity!, construct }, at);
    this.report("dtd/pe-nesting-decl", { construct }, at);
  }

  /** Checks recursion and nesting before expanding `name` inside `active` (names being expanded). */
  guard(name: string, active: readonly string[], at: SourceLocation): void {
    if (active.includes(name)) {
      this.fatal("dtd/recursive-entity", { name: `%${name};`, chain: [...active.slice(active.indexOf(name)), name].map((n) => `%${n};`).join(" → ") }, at);
    }
    if (active.length >= this.options.limits.maxEntityNesting) {
      this.fatal("dtd/entity-limit", { what: "entities nested too deeply", limit: this.options.limits.maxEntityNesting }, at);
    }
  }

  activeEntities(): string[] {
    const out: string[] = [];
    for (const i of this.inputs) if (i.entity !== null) out.push(i.entity);
    return out;
  }

  /** Pushes the text of parameter entity `name`; false when it is undeclared or unreadable. */
  pushParameterEntity(name: string, at: SourceLocation): boolean {
    const ent = this.doc.parameterEntities.get(name);
    if (ent === undefined) {
      this.report("dtd/undeclared-pe", { name }, at);
      return false;
    }
    this.guard(name, this.activeEntities(), at);
    if (ent.value !== undefined) {
      this.account(ent.value.length, at);
      this.inputs.push(new Input(ent.value, null, name, true, at));
      return true;
    }
    const loaded = this.loadExternal(ent, at);
    if (loaded === undefined) return false;
    this.account(loaded.text.length, at);
    const input = new Input(loaded.text, { file: loaded.file, line: 1, column: 1 }, name, true, at);
    this.inputs.push(input);
    this.checkChars(input);
    this.textDecl();
    return true;
  }

  /** Reads an external parameter entity's text through the resolver; undefined (with a warning) if refused. */
  loadExternal(ent: EntityDeclSyntax, at: SourceLocation): LoadedText | undefined {
    const resolver = this.options.resolveEntity;
    if (resolver === undefined || ent.systemId === undefined) {
      this.report("dtd/external-entity-refused", { name: ent.name, reason: "no entity resolver was given" }, at);
      return undefined;
    }
    const r = resolver(ent.systemId, ent.publicId, ent.base);
    if (isRefusal(r)) {
      this.report("dtd/external-entity-refused", { name: ent.name, reason: r.error }, at);
      return undefined;
    }
    const decoded = decodeEntityBytes(r.bytes);
    if ("error" in decoded) this.fatal("dtd/encoding", { file: r.file, problem: decoded.error }, at);
    return { text: normalizeNewlines(decoded.text), file: r.file };
  }

  /** Reports the first character the Char production forbids in `input`. */
  checkChars(input: Input): void {
    const bad = firstIllegalChar(input.text);
    if (bad >= 0) {
      const code = input.text.codePointAt(bad)!.toString(16).toUpperCase().padStart(4, "0");
      this.fatal("dtd/invalid-char", { code }, input.locate(bad));
    }
  }

  /** Reads the text declaration (XML 1.0 §4.3.1) at the start of the current external input. */
  textDecl(): void {
    if (!this.startsWith("<?xml") || !isWhite(this.peek(5))) return;
    const ctx = "in the text declaration";
    this.advance(5);
    let hadS = this.skipWhite();
    if (this.startsWith("version")) {
      this.advance(7);
      this.eq(ctx);
      const v = this.quoted("version", ctx);
      if (!/^1\.[0-9]+$/.test(v)) this.fatal("dtd/text-decl", { problem: `has version "${v}"; expected 1.x` });
      hadS = this.skipWhite();
    }
    if (!this.startsWith("encoding")) this.fatal("dtd/text-decl", { problem: "lacks the encoding declaration it requires" });
    if (!hadS) this.syntax("whitespace", ctx);
    this.advance(8);
    this.eq(ctx);
    const enc = this.quoted("encoding name", ctx);
    if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(enc)) this.fatal("dtd/text-decl", { problem: `has an invalid encoding name "${enc}"` });
    this.skipWhite();
    if (!this.eat("?>")) this.syntax("'?>'", ctx);
  }

  /** Plain whitespace only (no parameter entities): inside XML/text declarations. */
  skipWhite(): boolean {
    let any = false;
    while (isWhite(this.peek())) {
      this.advance();
      any = true;
    }
    return any;
  }

  private eq(ctx: string): void {
    this.skipWhite();
    this.expect("=", ctx);
    this.skipWhite();
  }

  /** A quoted string in the current input, without any reference processing. */
  quoted(what: string, context: string): string {
    const q = this.peek();
    if (q !== 0x22 && q !== 0x27) this.syntax(`${what} in quotes`, context);
    const text = this.cur.text;
    const start = this.cur.pos + 1;
    const end = text.indexOf(q === 0x22 ? '"' : "'", start);
    if (end < 0) this.fatal("dtd/unterminated", { construct: `the quoted ${what} ${context}`, expected: q === 0x22 ? '"' : "'" });
    this.cur.pos = end + 1;
    return text.slice(start, end);
  }
}
