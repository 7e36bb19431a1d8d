/**
 * The reader's core: a pull parser over a growing character buffer. Each step parses one token
 * (tag, text run, comment, PI, CDATA section, reference) that lies wholly in the buffer, or
 * answers NEED so the caller waits for more input. Entity replacement text is parsed by pushing
 * it as a complete input on a stack (iteratively: no recursion on entities or on depth).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnose, type Params } from "../diagnostics/codes.js";
import { keep } from "../diagnostics/keep.js";
import type { DtdDocument } from "../dtd/syntax.js";
import type { Position, XmlHandler } from "./events.js";
import { codePointHex, isSpace, isXmlCodePoint, scanChars, scanName } from "./chars.js";
import { Tracker } from "./position.js";
import "./codes.js";
import type { ResolvedOptions } from "./options.js";
import { undeclare, type NsBindings, type NsScope } from "./namespaces.js";
import { parseStartTag } from "./tags.js";
import { parseDoctype, parseXmlDeclaration } from "./prolog.js";
import { enterEntity, predefinedEntity, type Budget } from "./entities.js";
import type { AttlistCache } from "./attributes.js";

/** Thrown to unwind after a fatal error has been reported. */
export const STOP = Symbol("stop");
/** A step's answer when its token is not wholly in the buffer yet. */
export const NEED = -1;
/** Thrown by eof() before the input is final: the step is retried with more input. */
const NEED_MORE = Symbol("need more");
/** A CDATA section cut off by the end of the buffer is passed on once this many characters are there. */
const CDATA_PIECE = 16 * 1024;
/** What scanChars answers for text without an illegal character or a surrogate pair. */
const ALL_LEGAL: { readonly illegal: number; readonly astral: boolean } = { illegal: -1, astral: false };
/** Slots in the name table (a power of two). */
const NAME_TABLE_SIZE = 4096;

/**
 * A name table a closed reader left for the next one. A reader is made per document, and a new
 * table of 4,096 slots was a fifth of what a 9 KB document allocated; the names it holds are
 * just strings, as good a cache for the next document as an empty table.
 */
let spareNames: (string | undefined)[] | undefined;

/** Names longer than this keep a table from being passed on. */
const SPARE_NAME_LENGTH = 256;

function takeNameTable(): (string | undefined)[] {
  const table = spareNames ?? new Array<string | undefined>(NAME_TABLE_SIZE).fill(undefined);
  spareNames = undefined;
  return table;
}

export const enum State {
  Start,
  Prolog,
  Content,
  Epilog,
}

export interface OpenElement {
  name: string;
  line: number;
  column: number;
  scope: NsScope | null;
}

/** Replacement text being parsed as content; the outer input is saved in it. */
export interface EntityInput {
  name: string;
  line: number;
  column: number;
  /** Element depth when the entity began: it must end at the same depth. */
  depth: number;
  outerBuf: string;
  outerPos: number;
  outerFinal: boolean;
}

interface PendingError {
  code: string;
  params: Params;
  index: number;
  /** Reported here rather than at `index` (the decoder knew better: an unsupported label's place). */
  at?: Position;
}

export class Parser {
  buf = "";
  pos = 0;
  final = false;
  ent: EntityInput | null = null;
  readonly entStack: EntityInput[] = [];
  readonly tracker = new Tracker();
  state = State.Start;
  /**
   * The open elements are the first `depth` records; those past it are kept and overwritten by
   * later elements, so that opening an element allocates nothing.
   */
  readonly stack: OpenElement[] = [];
  depth = 0;
  scope: NsScope | null = null;
  /** The innermost declaration of each prefix in `scope` (namespaces.ts). */
  readonly nsBindings: NsBindings = new Map();
  dtd: DtdDocument | null = null;
  /** True while every declaration may be known (WFC: Entity Declared applies). */
  dtdComplete = true;
  sawDoctype = false;
  /** standalone="yes" in the XML declaration. */
  standalone = false;
  /** The version in the XML declaration. */
  version = "1.0";
  /** The encoding the bytes were decoded with and whether a byte-order mark said so (byte input only). */
  detected: { encoding: string; bom: boolean } | null = null;
  rootName = "";
  readonly budget: Budget = { expansions: 0, expanded: 0, inputChars: 0 };
  /** Attribute defaults added so far (chargeDefaults). */
  private defaultsAdded = 0;
  attlists: AttlistCache | null = null;
  readonly externalTexts = new Map<string, string | null>();
  stopped = false;
  private finished = false;
  /** Anything but white space was seen (tells an empty document from one without a root). */
  private sawMarkup = false;
  private pending: PendingError | null = null;
  private retryLen = 0;
  /**
   * Input that came while a cut-off token waits for retryLen characters, joined into `buf` once
   * they have come: joining every chunk as it comes copies a long token once per chunk.
   */
  private parts: string[] = [];
  private partsLen = 0;
  /**
   * Warnings given by the token being parsed (it may be retried when cut off), or by all the
   * tokens of one entity's replacement text: they are all placed at the outer reference, so a
   * name the text references twice would otherwise be reported twice at the same place.
   */
  private readonly tokenWarnings = new Set<string>();
  private carry = "";
  private readonly nameTable: (string | undefined)[] = takeNameTable();
  private longNames = false;
  /** Inside a CDATA section whose first part was passed on (see cdataPiece). */
  private inCdata = false;
  /**
   * In the current buffer, the next '&' and "]]>" found by text() (-2 not searched, -1 none).
   * Reset wherever `buf` is replaced (not by comparing strings: equal contents compare in full).
   */
  private nextAmp = -2;
  private nextCdataEnd = -2;
  /** The position found by mark(). */
  markLine = 1;
  markColumn = 1;

  /** o.limits.maxTokenLength, read once per token in run(). */
  private readonly maxToken: number;

  constructor(
    readonly h: XmlHandler,
    readonly o: ResolvedOptions,
  ) {
    this.maxToken = o.limits.maxTokenLength;
  }

  // ---- input -------------------------------------------------------------------------------

  /**
   * Appends decoded characters: line ends normalised, illegal characters cut off as an error.
   * `checked`: the decoder found every character of `text` legal and none a surrogate (see
   * Decoded.checked), so the scan is skipped unless a carried high surrogate comes first.
   */
  append(text: string, error?: { code: string; params: Params; at?: Position }, last = false, checked = false): void {
    if (this.final) return;
    const carried = this.carry;
    let s = carried + text;
    this.carry = "";
    if (!last && s.length > 0) {
      const c = s.charCodeAt(s.length - 1);
      // A CR may be the first half of CRLF, a high surrogate the first half of a pair.
      if (c === 13 || (c >= 0xd800 && c <= 0xdbff)) {
        this.carry = s[s.length - 1];
        s = s.slice(0, -1);
      }
    }
    this.budget.inputChars += s.length;
    if (s.indexOf("\r") !== -1) s = s.replace(/\r\n?/g, "\n");
    if (this.pos > 0) {
      this.tracker.discard(this.buf, this.pos);
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    const scan = checked && (carried.length === 0 || carried.charCodeAt(0) === 13) ? ALL_LEGAL : scanChars(s);
    if (scan.astral) this.tracker.astral = true;
    const bad = scan.illegal;
    if (bad !== -1) {
      this.pending = { code: "xml/invalid-char", params: { code: codePointHex(s, bad) }, index: this.buf.length + this.partsLen + bad };
      s = s.slice(0, bad);
      this.final = true;
    } else if (error !== undefined) {
      this.pending = { code: error.code, params: error.params, index: this.buf.length + this.partsLen + s.length, at: error.at };
      this.final = true;
    }
    if (this.retryLen > 0 && !this.final && !last && this.buf.length - this.pos + this.partsLen + s.length < this.retryLen) {
      this.parts.push(s);
      this.partsLen += s.length;
      return;
    }
    if (this.partsLen > 0) {
      this.parts.push(s);
      s = this.parts.join("");
      this.parts = [];
      this.partsLen = 0;
    }
    // Built flat: `+` would make a rope, and every character read from a rope goes through an
    // indirection (measured: a third slower per charCodeAt). join copies into one string.
    this.buf = this.buf.length === 0 ? s : [this.buf, s].join("");
    this.nextAmp = this.nextCdataEnd = -2;
    this.tracker.grew();
    if (last) this.final = true;
  }

  // ---- positions and errors ----------------------------------------------------------------

  at(i: number): Position {
    this.mark(i);
    return { line: this.markLine, column: this.markColumn };
  }

  /** Sets markLine and markColumn to the position of index i (no allocation, for start tags). */
  mark(i: number): void {
    if (this.ent !== null) {
      this.markLine = this.ent.line;
      this.markColumn = this.ent.column;
      return;
    }
    const t = this.tracker;
    t.locate(this.buf, i);
    this.markLine = t.line;
    this.markColumn = t.column < 1 ? 1 : t.column;
  }

  /** Reports a fatal error at index i and stops; `hint` replaces the code's own for this case. */
  fail(code: string, params: Params, i: number, hint?: string): never {
    if (this.pending !== null && this.ent === null && i >= this.pending.index) {
      this.report(diagnose(this.pending.code, this.pending.params, this.pending.at ?? this.at(this.pending.index)));
    } else {
      const d = diagnose(code, params, this.at(i));
      if (hint !== undefined) d.hint = hint;
      this.report(d);
    }
    this.stopped = true;
    throw STOP;
  }

  /** Where the pending input error (an encoding error or illegal character that cut the input) is, if any. */
  pendingAt(): Position | undefined {
    return this.pending === null ? undefined : (this.pending.at ?? this.at(this.pending.index));
  }

  /** Reports the pending input error, if any, and stops. */
  failPending(): void {
    if (this.pending !== null) this.fail(this.pending.code, this.pending.params, this.pending.index);
  }

  /**
   * Counts attribute defaults added to start tags: text the document did not write, so bounded
   * like entity expansion (10,000 defaults declared for one element make every `<e/>` add them).
   */
  chargeDefaults(n: number, at: Position): void {
    this.defaultsAdded += n;
    const lim = this.o.limits;
    const cap = Math.max(lim.maxExpandedSize, lim.maxAmplification * this.budget.inputChars);
    if (this.defaultsAdded > cap) this.failAt("xml/limit", { what: "the attribute defaults added from the DTD", limit: `${cap} attributes` }, at);
  }

  /** Reports a fatal error at a position already computed (e.g. an attribute's) and stops. */
  failAt(code: string, params: Params, at: Position): never {
    this.report(diagnose(code, params, { line: at.line, column: at.column }));
    this.stopped = true;
    throw STOP;
  }

  /** The input ended inside a construct: wait for more, or report it at the end of the input. */
  eof(context: string, i: number): never {
    if (!this.final) throw NEED_MORE;
    const where = this.ent !== null ? `${context} (in the replacement text of &${this.ent.name};)` : context;
    return this.fail("xml/unexpected-eof", { context: where }, Math.max(i, this.buf.length));
  }

  /** "expected X; found Y" at index i (found is described from the text there). */
  expected(expected: string, context: string, i: number, hint?: string): never {
    if (i >= this.buf.length) return this.eof(context, i);
    return this.fail("xml/syntax", { expected, context, found: this.describe(i) }, i, hint);
  }

  /** The construct that starts at i, for a message about it as a whole. */
  private describeToken(i: number): string {
    const buf = this.buf;
    if (buf.startsWith("<!--", i)) return "a comment";
    if (buf.startsWith("<?", i)) return "a processing instruction";
    if (buf.startsWith("<!DOCTYPE", i)) return "the DOCTYPE declaration";
    if (buf.startsWith("</", i)) return "an end tag";
    if (buf.startsWith("<!", i)) return "a markup declaration";
    if (buf.startsWith("<", i)) return `the start tag <${buf.slice(i + 1, Math.min(scanName(buf, i + 1, buf.length), i + 41))}>`;
    return "a construct";
  }

  describe(i: number): string {
    if (i >= this.buf.length) return "the end of the input";
    const c = this.buf.codePointAt(i)!;
    if (c === 0x20) return "a space";
    if (c === 0x0a) return "a line break";
    if (c === 0x09) return "a tab";
    return `'${String.fromCodePoint(c)}'`;
  }

  /** Reports a warning once, even when its token is parsed again after more input arrived. */
  warn(code: string, params: Params, i: number): void {
    const d = diagnose(code, params, this.at(i), "warning");
    const key = `${d.code} ${d.line}:${d.column} ${d.message}`;
    if (this.tokenWarnings.has(key)) return;
    this.tokenWarnings.add(key);
    this.report(d);
  }

  report(d: Diagnostic): void {
    this.h.diagnostic(d);
  }

  /**
   * A name string shared between occurrences: a table keyed by a hash of a few characters finds a
   * repeated name without slicing (fewer strings, no retained input buffers, and a string whose
   * hash V8 has already computed when it is used as a Map key downstream).
   */
  intern(start: number, end: number): string {
    const buf = this.buf;
    const len = end - start;
    // Length and three characters tell the names of a document apart well enough; a collision
    // only costs a slice.
    const h = len * 7919 + buf.charCodeAt(start) * 31 + buf.charCodeAt(end - 1) * 131 + buf.charCodeAt(start + (len >> 1)) * 17;
    const slot = (h ^ (h >>> 12)) & (NAME_TABLE_SIZE - 1);
    const known = this.nameTable[slot];
    if (known !== undefined && known.length === len && sameChars(buf, start, known)) return known;
    if (len > this.o.limits.maxNameLength) this.fail("xml/limit", { what: `a name of ${len} characters`, limit: this.o.limits.maxNameLength }, start);
    // A copy, so the table keeps no read chunk alive.
    const name = keep(buf.slice(start, end));
    this.nameTable[slot] = name;
    if (len > SPARE_NAME_LENGTH) this.longNames = true;
    return name;
  }

  /**
   * The reader is closed: its name table goes to the next one, unless it holds long names (up to
   * 4,096 names of up to maxNameLength characters would outlive the hostile document that had them).
   */
  release(): void {
    if (!this.longNames) spareNames = this.nameTable;
  }

  /** True when fewer than n characters follow i and more may come. */
  short(i: number, n: number): boolean {
    return this.buf.length - i < n && !this.final;
  }

  /** Pushes an open element, reusing a record left by an element already closed. */
  open(name: string, line: number, column: number, scope: NsScope | null): void {
    if (this.depth < this.stack.length) {
      const e = this.stack[this.depth];
      e.name = name;
      e.line = line;
      e.column = column;
      e.scope = scope;
    } else {
      this.stack.push({ name, line, column, scope });
    }
    this.depth++;
  }

  // ---- main loop ---------------------------------------------------------------------------

  run(): void {
    if (this.stopped || this.finished) return;
    if (!this.final && this.buf.length - this.pos < this.retryLen) return;
    this.retryLen = 0;
    try {
      for (;;) {
        if (this.pos >= this.buf.length) {
          if (this.ent !== null) {
            this.leaveEntity();
            continue;
          }
          if (this.final) this.finish();
          return;
        }
        this.tracker.save();
        // Entity expansions charged by a token that is then cut off are charged again on retry.
        const expansions = this.budget.expansions;
        const expanded = this.budget.expanded;
        let next: number;
        try {
          next = this.state === State.Content ? this.contentStep(this.pos) : this.miscStep(this.pos);
        } catch (e) {
          if (e !== NEED_MORE) throw e;
          // The token was cut off by the end of the buffer: positions computed for it are undone.
          this.tracker.restore();
          this.budget.expansions = expansions;
          this.budget.expanded = expanded;
          next = NEED;
        }
        if (next !== NEED && this.tokenWarnings.size > 0 && this.ent === null) this.tokenWarnings.clear();
        if (next === NEED) {
          // Retry once the unread input has doubled: a long token is rescanned O(log n) times.
          const unread = this.buf.length - this.pos;
          const max = this.maxToken;
          if (unread > max && this.ent === null) this.fail("xml/limit", { what: `${this.describeToken(this.pos)} still open after ${unread} characters`, limit: `${max} characters` }, this.pos);
          this.retryLen = Math.min(unread * 2, max + 1);
          return;
        }
        // The same limit when the construct came whole (a string, a large chunk) and was not held open.
        if (next - this.pos > this.maxToken && this.ent === null) this.checkHeldWhole(next);
        this.pos = next;
      }
    } catch (e) {
      if (e !== STOP) throw e;
    }
  }

  /** xml/limit for a construct held whole (not text, not a CDATA section: they stream) that ends at `end`, past maxTokenLength. */
  private checkHeldWhole(end: number): void {
    const buf = this.buf;
    const start = this.pos;
    if (buf.charCodeAt(start) !== 60 || buf.startsWith("<![CDATA[", start)) return;
    this.fail("xml/limit", { what: `${this.describeToken(start)} of ${end - start} characters`, limit: `${this.maxToken} characters` }, start);
  }

  private finish(): void {
    this.finished = true;
    if (this.pending !== null) this.fail(this.pending.code, this.pending.params, this.pending.index);
    if (this.depth > 0) {
      const top = this.stack[this.depth - 1];
      this.fail("xml/unclosed-element", { name: top.name, openLine: top.line, openColumn: top.column, where: "the input" }, this.buf.length);
    }
    if (this.state !== State.Epilog) {
      this.fail(this.sawMarkup ? "xml/no-root" : "xml/empty-document", {}, this.buf.length);
    }
  }

  private leaveEntity(): void {
    const e = this.ent!;
    if (this.depth !== e.depth) {
      const top = this.stack[this.depth - 1];
      this.fail("xml/entity-unbalanced", { name: e.name, problem: `opens <${top.name}> without closing it` }, this.buf.length);
    }
    this.entStack.pop();
    this.buf = e.outerBuf;
    this.nextAmp = this.nextCdataEnd = -2;
    this.pos = e.outerPos;
    this.final = e.outerFinal;
    this.ent = this.entStack.length > 0 ? this.entStack[this.entStack.length - 1] : null;
  }

  /** Parses `text` as content next, in place of the rest of the current input. */
  pushEntity(name: string, text: string, refPos: Position, afterRef: number): void {
    const e: EntityInput = {
      name,
      line: refPos.line,
      column: refPos.column,
      depth: this.depth,
      outerBuf: this.buf,
      outerPos: afterRef,
      outerFinal: this.final,
    };
    this.entStack.push(e);
    this.ent = e;
    this.buf = text;
    this.nextAmp = this.nextCdataEnd = -2;
    this.pos = 0;
    this.final = true;
  }

  // ---- prolog and epilog -------------------------------------------------------------------

  private miscStep(i: number): number {
    const buf = this.buf;
    if (this.state === State.Start) {
      if (this.short(i, 6)) return NEED;
      if (buf.startsWith("<?xml", i) && isSpace(buf.charCodeAt(i + 5))) {
        const next = parseXmlDeclaration(this, i);
        if (next === NEED) return NEED;
        this.sawMarkup = true;
        this.state = State.Prolog;
        return next;
      }
      this.state = State.Prolog;
    }
    let j = i;
    while (j < buf.length && isSpace(buf.charCodeAt(j))) j++;
    if (j > i) return j;
    this.sawMarkup = true;
    const c = buf.charCodeAt(i);
    if (c === 60) {
      if (this.short(i, 2)) return NEED;
      const n = buf.charCodeAt(i + 1);
      if (n === 63) return this.pi(i);
      if (n === 33) {
        if (this.short(i, 9)) return NEED;
        if (buf.startsWith("<!--", i)) return this.comment(i);
        if (buf.startsWith("<!DOCTYPE", i)) {
          if (this.state === State.Epilog) this.fail("xml/extra-content", { found: "a DOCTYPE", root: this.rootName }, i);
          if (this.sawDoctype) this.fail("xml/doctype", { problem: "a second DOCTYPE declaration" }, i);
          return parseDoctype(this, i);
        }
        if (this.state === State.Epilog) this.fail("xml/extra-content", { found: this.describe(i) + " markup", root: this.rootName }, i);
        return this.expected("a comment or DOCTYPE", "after '<!'", i + 2);
      }
      if (n === 47) {
        if (this.state === State.Epilog) this.fail("xml/extra-content", { found: "an end tag", root: this.rootName }, i);
        const nameEnd = scanName(buf, i + 2, buf.length);
        return this.fail("xml/unexpected-end-tag", { found: buf.slice(i + 2, nameEnd) }, i);
      }
      if (this.state === State.Epilog) {
        const nameEnd = scanName(buf, i + 1, buf.length);
        this.fail("xml/extra-content", { found: `a second root element <${buf.slice(i + 1, nameEnd)}>`, root: this.rootName }, i);
      }
      this.state = State.Content;
      return this.contentStep(i);
    }
    let end = i;
    while (end < buf.length && end - i < 20 && buf.charCodeAt(end) !== 60 && buf.charCodeAt(end) !== 10) end++;
    const found = JSON.stringify(buf.slice(i, end));
    if (this.state === State.Epilog) return this.fail("xml/extra-content", { found: `text ${found}`, root: this.rootName }, i);
    return this.fail("xml/text-outside-root", { found }, i);
  }

  // ---- content -----------------------------------------------------------------------------

  private contentStep(i: number): number {
    if (this.inCdata) return this.cdataRest(i);
    const c = this.buf.charCodeAt(i);
    if (c === 60) return this.markup(i);
    if (c === 38) return this.reference(i);
    return this.text(i);
  }

  private markup(i: number): number {
    const buf = this.buf;
    if (this.short(i, 2)) return NEED;
    const n = buf.charCodeAt(i + 1);
    if (n === 47) return this.endTag(i);
    if (n === 33) {
      if (this.short(i, 9)) return NEED;
      const third = buf.charCodeAt(i + 2);
      if (third === 91 && buf.startsWith("CDATA[", i + 3)) return this.cdata(i);
      if (third === 45 && buf.charCodeAt(i + 3) === 45) return this.comment(i);
      if (buf.startsWith("<!DOCTYPE", i)) this.fail("xml/doctype", { problem: "a DOCTYPE declaration inside the root element" }, i);
      return this.expected("a comment or CDATA section", "after '<!'", i + 2);
    }
    if (n === 63) return this.pi(i);
    return parseStartTag(this, i);
  }

  /** A run of character data up to the next '<' or '&' (or the end of the buffer). */
  private text(start: number): number {
    const buf = this.buf;
    const len = buf.length;
    // The text runs to the next '<' or '&'; the next '&' and "]]>" are searched once per
    // buffer and remembered until passed, so each search covers the buffer once overall.
    let i = buf.indexOf("<", start);
    if (i === -1) i = len;
    if (this.nextAmp !== -1 && this.nextAmp < start) this.nextAmp = buf.indexOf("&", start);
    if (this.nextAmp !== -1 && this.nextAmp < i) i = this.nextAmp;
    if (this.nextCdataEnd !== -1 && this.nextCdataEnd < start) this.nextCdataEnd = buf.indexOf("]]>", start);
    if (this.nextCdataEnd !== -1 && this.nextCdataEnd < i) this.fail("xml/cdata-end-in-text", {}, this.nextCdataEnd);
    let end = i;
    if (i === len && !this.final) {
      // Keep a trailing "]" or "]]" back: with the next chunk it may become "]]>".
      while (end > start && end > len - 2 && buf.charCodeAt(end - 1) === 93) end--;
      if (end === start) return NEED;
    }
    this.h.text(buf.slice(start, end), this.at(start), false);
    return end;
  }

  private reference(i: number): number {
    const buf = this.buf;
    if (this.short(i, 3)) return NEED;
    if (buf.charCodeAt(i + 1) === 35) {
      const r = this.charRef(i);
      if (r === null) return NEED;
      const pos = this.at(i);
      this.h.reference?.("char", r.text, pos);
      this.h.text(r.text, pos, false);
      return r.end;
    }
    const nameEnd = scanName(buf, i + 1, buf.length);
    if (nameEnd === buf.length) {
      if (!this.final) return NEED;
      return this.eof("an entity reference", nameEnd);
    }
    if (nameEnd === i + 1) return this.expected("an entity name or '#'", "after '&'", i + 1, "A literal '&' in text is written &amp; (or put the text in a CDATA section).");
    if (buf.charCodeAt(nameEnd) !== 59) return this.expected("';'", `after the entity name &${buf.slice(i + 1, nameEnd)}`, nameEnd);
    const name = buf.slice(i + 1, nameEnd);
    const pre = predefinedEntity(name);
    if (pre !== undefined) {
      this.h.text(pre, this.at(i), false);
      return nameEnd + 1;
    }
    // Continues in the replacement text (index 0 of the new input) or after the reference.
    return enterEntity(this, name, i, nameEnd + 1);
  }

  /** &#N; or &#xH; at i: the character and the index after ';', or null when more input is needed. */
  charRef(i: number): { text: string; end: number } | null {
    const buf = this.buf;
    let j = i + 2;
    const hex = buf.charCodeAt(j) === 120;
    if (hex) j++;
    const digits = j;
    let cp = 0;
    for (; j < buf.length; j++) {
      const c = buf.charCodeAt(j);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (hex && c >= 97 && c <= 102) d = c - 87;
      else if (hex && c >= 65 && c <= 70) d = c - 55;
      else break;
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10ffff) cp = 0x110000;
    }
    if (j === buf.length) {
      if (!this.final) return null;
      return this.eof("a character reference", j);
    }
    if (j === digits) return this.expected(hex ? "a hexadecimal digit" : "a digit or 'x'", "in a character reference", j);
    if (buf.charCodeAt(j) !== 59) return this.expected("';'", "at the end of a character reference", j);
    if (!isXmlCodePoint(cp)) this.fail("xml/invalid-char-ref", { ref: buf.slice(i, j + 1) }, i);
    return { text: String.fromCodePoint(cp), end: j + 1 };
  }

  private endTag(i: number): number {
    const buf = this.buf;
    // Fast path: the name of the open element, then '>' (with optional spaces before it). Reads
    // stay inside the buffer: one past its end would cost a deoptimisation of the optimised code.
    const top = this.depth > 0 ? this.stack[this.depth - 1] : undefined;
    const len = buf.length;
    if (top !== undefined && this.ent === null && i + 2 + top.name.length < len && sameChars(buf, i + 2, top.name)) {
      let j = i + 2 + top.name.length;
      while (j < len && isSpace(buf.charCodeAt(j))) j++;
      if (j < len && buf.charCodeAt(j) === 62) {
        this.close(top, i);
        return j + 1;
      }
    }
    return this.endTagSlow(i);
  }

  /** An end tag that is cut off, malformed or mismatched, or closes an entity's element. */
  private endTagSlow(i: number): number {
    const buf = this.buf;
    const gt = buf.indexOf(">", i + 2);
    if (gt === -1 && !this.final) return NEED;
    const nameEnd = scanName(buf, i + 2, buf.length);
    if (nameEnd === i + 2) return this.expected("an element name", "after '</'", i + 2);
    let j = nameEnd;
    while (j < buf.length && isSpace(buf.charCodeAt(j))) j++;
    if (j >= buf.length) return this.eof("an end tag", j);
    if (buf.charCodeAt(j) !== 62) return this.expected("'>'", `to close the end tag </${buf.slice(i + 2, nameEnd)}`, j);
    const top = this.depth > 0 ? this.stack[this.depth - 1] : undefined;
    if (top === undefined) return this.fail("xml/unexpected-end-tag", { found: buf.slice(i + 2, nameEnd) }, i);
    if (this.ent !== null && this.depth <= this.ent.depth) {
      this.fail("xml/entity-unbalanced", { name: this.ent.name, problem: `closes </${buf.slice(i + 2, nameEnd)}>, which was opened outside it` }, i);
    }
    if (nameEnd - (i + 2) !== top.name.length || !buf.startsWith(top.name, i + 2)) {
      const found = buf.slice(i + 2, nameEnd);
      const sameButCase = found.toLowerCase() === top.name.toLowerCase();
      this.fail("xml/mismatched-end-tag", { expected: top.name, openLine: top.line, openColumn: top.column, found }, i, sameButCase ? `XML names are case-sensitive: write </${top.name}>.` : undefined);
    }
    this.close(top, i);
    return j + 1;
  }

  /** Closes the innermost open element `top`, whose end tag starts at i. */
  private close(top: OpenElement, i: number): void {
    this.depth--;
    if (this.scope !== top.scope) undeclare(this.nsBindings, this.scope, top.scope);
    this.scope = top.scope;
    this.h.endElement(top.name, this.at(i));
    if (this.depth === 0) this.state = State.Epilog;
  }

  private comment(i: number): number {
    const buf = this.buf;
    const dd = buf.indexOf("--", i + 4);
    if (dd === -1 || dd + 2 >= buf.length) {
      if (!this.final) return NEED;
      return this.eof("a comment", buf.length);
    }
    if (buf.charCodeAt(dd + 2) !== 62) this.fail("xml/comment-double-hyphen", {}, dd);
    this.h.comment?.(buf.slice(i + 4, dd), this.at(i));
    return dd + 3;
  }

  private cdata(i: number): number {
    const buf = this.buf;
    const end = buf.indexOf("]]>", i + 9);
    if (end === -1) {
      if (!this.final) return this.cdataPiece(i + 9, i);
      return this.eof("a CDATA section", buf.length);
    }
    this.h.text(buf.slice(i + 9, end), this.at(i), true);
    return end + 3;
  }

  /**
   * A long CDATA section cut off by the end of the buffer is passed on in pieces, so that memory
   * stays bounded: all of it but the last two characters (they may begin "]]>") and a trailing
   * high surrogate. `at` is where the piece is reported (the '<' of the section for the first).
   */
  private cdataPiece(from: number, at: number): number {
    const buf = this.buf;
    let upto = buf.length - 2;
    const c = buf.charCodeAt(upto - 1);
    if (c >= 0xd800 && c <= 0xdbff) upto--;
    if (upto - from < CDATA_PIECE) return NEED;
    this.h.text(buf.slice(from, upto), this.at(at), true);
    this.inCdata = true;
    return upto;
  }

  /** The rest of a CDATA section already passed on in part. */
  private cdataRest(i: number): number {
    const buf = this.buf;
    const end = buf.indexOf("]]>", i);
    if (end === -1) {
      if (!this.final) return this.cdataPiece(i, i);
      return this.eof("a CDATA section", buf.length);
    }
    if (end > i) this.h.text(buf.slice(i, end), this.at(i), true);
    this.inCdata = false;
    return end + 3;
  }

  private pi(i: number): number {
    const buf = this.buf;
    const end = buf.indexOf("?>", i + 2);
    if (end === -1 && !this.final) return NEED;
    const nameEnd = scanName(buf, i + 2, buf.length);
    if (nameEnd === i + 2) return this.expected("a processing instruction target", "after '<?'", i + 2);
    const target = buf.slice(i + 2, nameEnd);
    if (target.toLowerCase() === "xml") {
      this.fail("xml/reserved-pi-target", { found: target }, i);
    }
    if (this.o.namespaces && target.indexOf(":") !== -1) this.fail("xml/qname", { name: `${target} (a processing instruction target may not contain ':')` }, i + 2);
    if (end === -1) return this.eof("a processing instruction", buf.length);
    let data = "";
    if (nameEnd !== end) {
      if (!isSpace(buf.charCodeAt(nameEnd))) return this.expected("a space or '?>'", `after the processing instruction target ${target}`, nameEnd);
      let j = nameEnd;
      while (isSpace(buf.charCodeAt(j))) j++;
      data = buf.slice(j, end);
    }
    this.h.processingInstruction?.(target, data, this.at(i));
    return end + 2;
  }
}

/** Whether buf holds the characters of `name` at `start` (a loop: cheaper than startsWith for a short name). */
function sameChars(buf: string, start: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (buf.charCodeAt(start + k) !== name.charCodeAt(k)) return false;
  return true;
}
