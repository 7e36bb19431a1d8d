/**
 * The streaming validation engine: an XmlHandler that keeps one frame per open element
 * (declaration, automaton state, counters, text) and reports every validity error with its
 * position and element path. Frames are reused, so memory grows with depth, not length
 * (except the ID table).
 *
 * Recovery (child-match.ts, shared with the generated validators): a child that does not fit is
 * reported once and the parent recovers the way the mistake most likely happened, so one mistake
 * yields one error. Paths are built only for diagnostics.
 */
import { diagnose, type Params } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { isFatalDtdCode } from "../dtd/codes.js";
import type { DtdDocument } from "../dtd/syntax.js";
import { XSD_NS, XSI_NS, type SchemaModel } from "../schema/model.js";
import type { DoctypeInfo, Position, StartTag, XmlDeclaration, XmlHandler } from "../xml/events.js";
import { checkAttributes, XMLNS_NS, type AttributeContext } from "./attributes.js";
import { complexTypeById, elementById, findGlobal, simpleElementType, type CompiledElement, type CompiledSchema, type CompiledType } from "./compile.js";
import { derivesFrom } from "./derivation.js";
import { xsiTypeBlocked } from "./derivation-steps.js";
import { abstractTypeParams } from "./abstract-type.js";
import { xsiBuiltin } from "./xsi-builtin.js";
import { Frame, TEXT_ELEMENTS, TEXT_EMPTY, TEXT_IGNORED, TEXT_MIXED_FIXED, TEXT_NIL, TEXT_SIMPLE, UNKNOWN_INDEX } from "./frame.js";
import { clark, excerpt, expectedList, inNamespace, namespaceHint, typeName, typeNote } from "./messages.js";
import { GLOBAL_LAX, GLOBAL_REQUIRED, WILDCARD_LAX, matchChild, missingChildren, newChildMatch, type ChildName, type SchemaNames } from "./child-match.js";
import { IdTable } from "./ids.js";
import { hasIdentityConstraints, IdentityTracker } from "./identity.js";
import { explain, schemaValueContext } from "./simple.js";
import type { ValueContext } from "./datatypes/index.js";
import { isAllWhite } from "./names.js";
import "./codes.js";

export interface EngineOptions {
  file: string;
  schema?: CompiledSchema;
  /** Builds the schema from the document's DOCTYPE when no schema was given (DTD validation). */
  dtdSchema?: (doctype: DoctypeInfo) => { schema: CompiledSchema | null; diagnostics: Diagnostic[] };
  /** Namespace processing is on in the reader: DTD ID/IDREF/ENTITY/NOTATION values must be NCNames. */
  namespaces?: boolean;
  /** The whole DTD is read (external parts too), so a skipped undeclared entity is a validity error. */
  dtdComplete?: boolean;
  /** The reader reads the external subset (a resolver was given). */
  externalDtdRead?: boolean;
}

/** Steps kept at the start and end of an elided deep path. */
const PATH_HEAD = 8;
const PATH_TAIL = 24;

/** After this many validity diagnostics, one more says so and the rest are counted, not kept. */
export const MAX_DIAGNOSTICS = 10_000;
/**
 * Longest simple value held for its check (libxml2's XML_MAX_TEXT_LENGTH). Text streams, but a
 * simple value is checked whole at its end tag: a 48 MB xs:integer was buffered whole (148 MB RSS),
 * so memory grew with one value's size. Past this the value is dropped and reported.
 */
export const MAX_SIMPLE_VALUE = 10_000_000;

/** Children of a skipped element (wildcard skip, an unexpected or unknown element) are not validated. */
const SKIP = null;

/**
 * XSD: an element with no declaration where lax assessment applies (a lax wildcard took it, or it
 * is in xs:anyType content). It is assessed as of xs:anyType (cvc-assess-elt.2), whose wildcard is
 * lax again: text and undeclared children are free, declared children are validated (as libxml2 does).
 */
const LAX = "lax";

/** resolveXsiType's answer for xs:anyType where the declared type is another: it derives from none. */
const NOT_DERIVED = "\u0000not derived";

/** xs:anyType as lax assessment sees it: any text; children and attributes checked by their global declarations. */
const LAX_ANY_TYPE: CompiledType = {
  id: -1,
  text: "any",
  matcher: null,
  simple: null,
  textIds: false,
  abstract: false,
  attributes: new Map(),
  required: [],
  anyAttribute: { namespaces: "##any", targetNamespace: null, processContents: "lax" },
  attributeNames: [],
};

/** The type identity constraints see: none for an element not validated or assessed laxly (no declaration). */
function identityType(f: Frame): CompiledType | null {
  return f.skip || f.type === LAX_ANY_TYPE ? null : f.type;
}

export class ValidationEngine implements XmlHandler {
  readonly diagnostics: Diagnostic[] = [];
  wellFormed = true;
  root: string | undefined;
  declaredDoctype: { name: string; systemId?: string; publicId?: string } | undefined;

  private schema: CompiledSchema | null;
  private dtdMode: boolean;
  private readonly frames: Frame[] = [];
  private depth = 0;
  private readonly ids = new IdTable();
  private standalone = false;
  /** Undeclared entities in the attribute values of the start tag being read: reported once its element is open. */
  private inTagEntities: Diagnostic[] | null = null;
  /** Where the last entity reference is: the text its replacement yields is reported there. */
  private entityLine = 0;
  private entityColumn = 0;
  /** A missing grammar was already explained (valid/dtd-not-read). */
  private grammarReported = false;
  private dtd: DtdDocument | null = null;
  private readonly attrContext: AttributeContext;
  /** xs:unique / xs:key / xs:keyref evaluation; null when the schema declares none. */
  private readonly identity: IdentityTracker | null;

  constructor(private readonly options: EngineOptions) {
    this.schema = options.schema ?? null;
    this.dtdMode = this.schema?.kind === "dtd";
    this.attrContext = {
      model: this.schema?.model ?? (undefined as never),
      dtdMode: this.dtdMode,
      ids: this.ids,
      report: (code, params, line, column, hint) => this.report(code, params, line, column, hint),
      path: () => this.path(),
      externalAttribute: (element, name) => this.externalAttribute(element, name),
      valueContext: this.valueContext,
      standalone: () => this.standalone,
      namespaces: options.namespaces ?? true,
    };
    this.identity = hasIdentityConstraints(this.schema?.model) ? new IdentityTracker(this.schema!.model, (d) => this.add(d), () => this.path(), this.valueContext, () => this.suppressed()) : null;
  }

  // --- XmlHandler -----------------------------------------------------------------------------

  xmlDeclaration(decl: XmlDeclaration): void {
    this.standalone = decl.standalone === true;
  }

  doctype(info: DoctypeInfo): void {
    this.declaredDoctype = { name: info.name };
    if (info.systemId !== undefined) this.declaredDoctype.systemId = info.systemId;
    if (info.publicId !== undefined) this.declaredDoctype.publicId = info.publicId;
    this.dtd = info.dtd;
    if (this.schema !== null || this.options.dtdSchema === undefined) return;
    const built = this.options.dtdSchema(info);
    for (const d of built.diagnostics) this.diagnostics.push(d);
    if (info.systemId !== undefined && this.options.externalDtdRead !== true) {
      // Without the external subset, every element would be "undeclared": say so once instead.
      const internal = info.dtd !== null && info.dtd.elements.size > 0;
      const where = { line: info.line, column: info.column };
      this.diagnostics.push(diagnose(internal ? "valid/dtd-partly-read" : "valid/dtd-not-read", { systemId: info.systemId }, where));
      if (!internal) {
        this.grammarReported = true;
        return;
      }
    }
    this.setSchema(built.schema);
  }

  startElement(tag: StartTag): void {
    const parent = this.depth > 0 ? this.frames[this.depth - 1] : null;
    if (parent !== null && parent.runOpen) this.endRun(parent);
    if (parent !== null && parent.textMode === TEXT_MIXED_FIXED) this.childOfFixedMixed(parent, tag);
    const frame = this.push(tag, parent);
    if (this.inTagEntities !== null) this.reportUndeclaredEntities();
    if (parent !== null && parent.skip) {
      frame.skip = true;
      this.identity?.start(this.depth, tag, null, null);
      return;
    }
    if (!this.dtdMode) {
      this.recordNamespaces(tag);
      this.childMatch.meant = undefined;
    }
    if (parent === null) this.root = tag.name;
    const el = parent === null ? this.rootDecl(tag) : this.childDecl(parent, tag);
    if (!this.dtdMode) this.noteWrongNamespace(frame, parent, tag);
    // XSD: below an element without declaration nothing is checked, unless assessed laxly; DTD: children still are.
    if (el === null) frame.skip = !this.dtdMode;
    else if (el === LAX) {
      // cvc-assess-elt.1.2: no declaration, but an xsi:type that resolves: validated against that type.
      const typed = tag.attributes.length > 0 ? this.laxXsiType(tag) : null;
      frame.type = typed ?? LAX_ANY_TYPE;
      if (typed?.matcher != null) typed.matcher.start(frame);
      if (tag.attributes.length > 0 || frame.type.required.length > 0) checkAttributes(this.attrContext, frame.type, tag, tag.name);
    } else {
      frame.el = el;
      this.enter(frame, el, tag);
    }
    frame.textMode = this.textModeOf(frame);
    this.identity?.start(this.depth, tag, frame.el?.decl ?? null, identityType(frame));
  }

  /** How the element's text is handled (once per element, so that each text event is one switch). */
  private textModeOf(f: Frame): number {
    const type = f.type;
    if (f.skip || type === null) return TEXT_IGNORED;
    if (f.nil) return TEXT_NIL;
    switch (type.text) {
      case "elements":
        return TEXT_ELEMENTS;
      case "empty":
        return TEXT_EMPTY;
      case "simple":
        // A plain string without a fixed value is valid whatever it says: it is not even buffered,
        // unless an identity constraint may read it.
        return !type.simple!.trivial || f.el?.fixed !== undefined || this.identity !== null ? TEXT_SIMPLE : TEXT_IGNORED;
      case "mixed":
      case "any": // XSD xs:anyType is mixed too (a DTD's ANY has no fixed value)
        return f.el?.fixed !== undefined ? TEXT_MIXED_FIXED : TEXT_IGNORED;
      default:
        return TEXT_IGNORED;
    }
  }

  text(text: string, pos: Position, cdata: boolean): void {
    if (this.depth === 0) return;
    const f = this.frames[this.depth - 1];
    const mode = f.textMode;
    if (mode === TEXT_IGNORED) return;
    // The common cases (indentation between children, a simple value) kept small so that they inline into the reader.
    if (mode === TEXT_ELEMENTS) {
      if (f.badText === null && !cdata && !this.standalone && isAllWhite(text)) {
        if (!f.runOpen) {
          f.runOpen = true;
          f.runLine = pos.line;
          f.runColumn = pos.column;
        }
        return;
      }
    } else if (mode === TEXT_SIMPLE) {
      this.buffer(f, text, pos);
      return;
    }
    this.otherText(f, text, pos, cdata);
  }

  /** Buffers text whose value is checked at the end tag (simple content, fixed mixed content). */
  private buffer(f: Frame, text: string, pos: Position): void {
    if (f.text.length === 0) {
      f.textLine = pos.line;
      f.textColumn = pos.column;
    }
    f.text += text;
    if (f.text.length > MAX_SIMPLE_VALUE) this.valueTooLong(f);
  }

  /** Drops a simple value past MAX_SIMPLE_VALUE: reported where it starts, not checked, not kept. */
  private valueTooLong(f: Frame): void {
    const length = f.text.length;
    f.text = "";
    f.textMode = TEXT_IGNORED;
    this.contentError(f, "valid/value-too-long", { element: f.name, length, limit: MAX_SIMPLE_VALUE }, { line: f.textLine, column: f.textColumn });
  }

  private otherText(f: Frame, text: string, pos: Position, cdata: boolean): void {
    switch (f.textMode) {
      case TEXT_ELEMENTS:
        if (!f.runOpen) {
          f.runOpen = true;
          f.runLine = pos.line;
          f.runColumn = pos.column;
        }
        if (f.badText !== null) {
          // Collect the run (capped) so the message does not depend on where the input was split.
          if (f.badText.length < 64) f.badText += text;
        } else if (!isAllWhite(text) || (cdata && this.dtdMode)) {
          // DTD element content allows white space, but not in a CDATA section (XML 1.0 §3 VC Element Valid).
          const white = isAllWhite(text);
          f.badText = white ? "\u0000cdata" : text;
          // Reported where the offending text starts, not where the white space before it does; text
          // an entity yields has no place of its own in the document: its reference's (the reader
          // gives it that position), not lines past it.
          const fromEntity = pos.line === this.entityLine && pos.column === this.entityColumn;
          const at = white || fromEntity ? pos : firstNonWhite(text, pos);
          f.runLine = at.line;
          f.runColumn = at.column;
        } else if (this.standalone && this.dtdMode && this.isExternalElement(f.name)) {
          this.contentError(f, "valid/standalone", { problem: `white space in the element content of <${f.name}>, which is declared in the external subset` }, pos);
        }
        return;
      case TEXT_EMPTY:
        this.contentError(f, "valid/not-empty", { parent: f.name, found: isAllWhite(text) ? "white space" : `text "${excerpt(text)}"` }, pos);
        return;
      case TEXT_NIL:
        if (!isAllWhite(text)) this.contentError(f, "valid/nil", { parent: f.name, problem: "xsi:nil is true, so the element must be empty; found text" }, pos);
        return;
      case TEXT_MIXED_FIXED:
        this.buffer(f, text, pos);
        return;
      default:
        return;
    }
  }

  /**
   * XML 1.0 erratum E15 (VC Element Valid), DTD only: an entity reference inside an EMPTY element
   * is content even when it expands to nothing, and a character reference to white space in
   * element content is not ignorable white space. Other references need no check here: the
   * text they produce is checked as text.
   */
  reference(kind: "char" | "entity", text: string, pos: Position): void {
    if (kind === "entity") {
      this.entityLine = pos.line;
      this.entityColumn = pos.column;
    }
    if (this.depth === 0 || !this.dtdMode) return;
    const f = this.frames[this.depth - 1];
    if (kind === "entity") {
      if (f.textMode !== TEXT_EMPTY) return;
      if (f.runOpen) this.endRun(f);
      this.contentError(f, "valid/not-empty", { parent: f.name, found: `the entity reference &${text};` }, pos);
      return;
    }
    if (f.textMode !== TEXT_ELEMENTS || f.badText !== null || !isAllWhite(text)) return;
    f.runOpen = true;
    f.runLine = pos.line;
    f.runColumn = pos.column;
    f.badText = `\u0000charref&#${text.codePointAt(0)};`;
  }

  /** Ends the open text run of the innermost element (any markup does), reporting bad text in it. */
  private endRun(f: Frame): void {
    f.runOpen = false;
    const bad = f.badText;
    if (bad === null) return;
    f.badText = null;
    const found = bad.startsWith("\u0000cdata")
      ? "a CDATA section"
      : bad.startsWith("\u0000charref")
        ? `a character reference to white space (${bad.slice(8, bad.indexOf(";") + 1)}), which is text, not ignorable white space`
        : `text "${excerpt(bad)}"`;
    this.contentError(f, "valid/text-not-allowed", { parent: f.name, found }, { line: f.runLine, column: f.runColumn });
  }

  endElement(_name: string, pos: Position): void {
    if (this.depth === 0) return;
    const f = this.frames[this.depth - 1];
    if (f.runOpen) this.endRun(f);
    const type = f.type;
    // Most elements end complete and without a value to check: one accepts() call.
    if (!f.skip && type !== null && !f.nil && (f.textMode === TEXT_SIMPLE || f.textMode === TEXT_MIXED_FIXED || (type.matcher !== null && !type.matcher.accepts(f)))) this.finish(f, pos);
    this.identity?.end(this.depth, f.name, f.el?.decl ?? null, identityType(f), f.text, f.nil);
    this.depth--;
  }

  diagnostic(d: Diagnostic): void {
    // An error while a start tag is read breaks it: its element will not open.
    if (this.inTagEntities !== null && d.severity === "error") this.reportUndeclaredEntities();
    // DTD validity errors arrive here too; only well-formedness errors make the document not well-formed.
    if (d.severity === "error" && (d.code.startsWith("dtd/") ? isFatalDtdCode(d.code) : true)) this.wellFormed = false;
    this.diagnostics.push(d);
    if (d.code === "xml/undeclared-entity-skipped" && this.dtdComplete() && this.schema !== null && this.dtdMode) {
      // In an attribute value the reader is inside a start tag: the path is that element's, once it opens.
      if (d.params?.attribute !== undefined) (this.inTagEntities ??= []).push(d);
      else this.undeclaredEntity(d);
    }
  }

  private undeclaredEntity(d: Diagnostic): void {
    if (this.suppressed()) this.notReported++;
    else this.add(diagnose("valid/undeclared-entity", { name: String(d.params?.name ?? "") }, { line: d.line, column: d.column, path: this.path() }));
  }

  private reportUndeclaredEntities(): void {
    const ds = this.inTagEntities!;
    this.inTagEntities = null;
    for (const d of ds) this.undeclaredEntity(d);
  }

  /** Whether every declaration was read: an external subset only counts when it could be read. */
  private dtdComplete(): boolean {
    return this.options.dtdComplete === true || this.declaredDoctype?.systemId === undefined;
  }

  comment(_text: string, pos: Position): void {
    this.markupInEmpty("a comment", pos);
  }

  processingInstruction(target: string, _data: string, pos: Position): void {
    this.markupInEmpty(`a processing instruction <?${target}?>`, pos);
  }

  /** XML 1.0 §3 VC Element Valid: an EMPTY element has no content at all, not even comments or PIs. */
  private markupInEmpty(found: string, pos: Position): void {
    if (this.depth === 0) return;
    const f = this.frames[this.depth - 1];
    if (f.runOpen) this.endRun(f);
    if (!this.dtdMode) return;
    if (f.textMode === TEXT_EMPTY) this.contentError(f, "valid/not-empty", { parent: f.name, found }, pos);
  }

  end(): void {
    if (this.inTagEntities !== null) this.reportUndeclaredEntities();
    if (this.wellFormed && this.root !== undefined) {
      for (const r of this.ids.unresolved()) {
        if (this.suppressed()) this.notReported++;
        else this.add(diagnose("valid/unresolved-idref", { element: r.element, name: r.name, found: r.value }, { line: r.line, column: r.column, path: r.path }));
      }
    }
    this.countNotReported();
  }

  /** valid/too-many-errors says how many errors were left out, once they are all counted. */
  private countNotReported(): void {
    if (this.notReported === 0 || this.capAt < 0) return;
    const cap = this.diagnostics[this.capAt];
    const rest = `${this.notReported} more were not reported`;
    this.diagnostics[this.capAt] = diagnose("valid/too-many-errors", { limit: MAX_DIAGNOSTICS, rest, notReported: this.notReported }, { line: cap.line, column: cap.column });
  }

  /** Whether no error was reported. */
  get valid(): boolean {
    return this.wellFormed && !this.diagnostics.some((d) => d.severity === "error");
  }

  // --- Elements -------------------------------------------------------------------------------

  private setSchema(schema: CompiledSchema | null): void {
    this.schema = schema;
    this.dtdMode = schema?.kind === "dtd";
    this.attrContext.model = schema?.model ?? (undefined as never);
    this.attrContext.dtdMode = this.dtdMode;
  }

  private push(tag: StartTag, parent: Frame | null): Frame {
    if (this.depth === this.frames.length) this.frames.push(new Frame());
    const f = this.frames[this.depth++];
    f.el = null;
    f.type = null;
    f.skip = false;
    f.name = tag.name;
    f.state = 0;
    f.textMode = TEXT_IGNORED;
    f.resetChildren();
    f.line = tag.line;
    f.column = tag.column;
    f.text = "";
    f.contentReported = false;
    f.nil = false;
    f.skipped = null;
    f.wrongNs = undefined;
    f.runOpen = false;
    f.badText = null;
    if (parent === null) f.index = 1;
    else {
      f.ordinal = parent.childLen;
      f.index = parent.addChild(tag.name);
    }
    return f;
  }

  private rootDecl(tag: StartTag): CompiledElement | null {
    const schema = this.schema;
    if (schema === null) {
      if (!this.grammarReported) this.report("valid/no-grammar", {}, tag.line, tag.column);
      return SKIP;
    }
    if (this.dtdMode) {
      // VC Root Element Type binds the document to its own DOCTYPE, not to a DTD given from outside.
      if (this.options.schema === undefined && this.declaredDoctype !== undefined && this.declaredDoctype.name !== tag.name) {
        this.report("valid/root-mismatch", { expected: this.declaredDoctype.name, found: tag.name }, tag.line, tag.column);
      }
      return this.globalOrUndeclared(tag);
    }
    const el = findGlobal(schema, tag.uri, tag.local);
    if (el === undefined) {
      this.reportUnknownRoot(schema, tag);
      return SKIP;
    }
    return el;
  }

  /** valid/unknown-root: the global names expected; namespaces spelt out when only they differ. */
  private reportUnknownRoot(schema: CompiledSchema, tag: StartTag): void {
    const sameLocal = schema.globals.get(tag.local);
    if (sameLocal !== undefined && sameLocal.length > 0) {
      // The local name is declared, in another namespace: "did you mean <R>?" would name the same thing.
      const wanted = sameLocal.map((g) => g.namespace ?? null);
      const names = sameLocal.map((g) => `${clark(g.namespace ?? null, tag.local)} (${inNamespace(g.namespace ?? null, tag.local)})`);
      this.report("valid/unknown-root", { expected: wanted.map((ns) => clark(ns, tag.local)).join(", "), expectedText: expectedList(names), found: tag.name, foundText: inNamespace(tag.uri, tag.local) }, tag.line, tag.column, namespaceHint(tag.name, wanted[0], true));
      return;
    }
    const suggestion = didYouMean(tag.local, schema.globalNames);
    const names = schema.globalNames.map((n) => `<${n}>`);
    this.report(
      "valid/unknown-root",
      { expected: schema.globalNames.join(", "), expectedText: expectedList(names), found: tag.name, foundText: `<${tag.name}>`, ...(suggestion ? { suggestion } : {}) },
      tag.line,
      tag.column,
      suggestion !== undefined ? `Did you mean <${suggestion}>?` : undefined,
    );
  }

  /** DTD: the element's declaration, or an "undeclared" error. */
  private globalOrUndeclared(tag: StartTag): CompiledElement | null {
    const el = this.global(tag);
    if (el === undefined) this.report("valid/undeclared-element", { found: tag.name }, tag.line, tag.column);
    return el ?? null;
  }

  private global(tag: StartTag): CompiledElement | undefined {
    if (this.schema === null) return undefined;
    return this.dtdMode ? findGlobal(this.schema, null, tag.name) : findGlobal(this.schema, tag.uri, tag.local);
  }

  private childDecl(parent: Frame, tag: StartTag): CompiledElement | typeof LAX | null {
    const type = parent.type;
    if (type === null) return this.dtdMode ? this.globalOrUndeclared(tag) : SKIP;
    if (parent.nil) {
      this.contentError(parent, "valid/nil", { parent: parent.name, problem: `xsi:nil is true, so the element must be empty; found <${tag.name}>` }, tag, true);
      return this.global(tag) ?? SKIP;
    }
    // Element and mixed content (the only ones with a matcher) first: the common case, no string compares.
    if (type.matcher !== null) return this.matchChild(parent, type, tag);
    switch (type.text) {
      case "empty":
        this.contentError(parent, "valid/not-empty", { parent: parent.name, found: `<${tag.name}>` }, tag, true);
        return this.global(tag) ?? SKIP;
      case "simple":
        this.contentError(parent, "valid/element-in-simple-content", { parent: parent.name, type: type.simple?.describe() ?? "string", found: tag.name }, tag, true);
        return this.global(tag) ?? SKIP;
      default:
        // "any" (element and mixed content have a matcher). DTD ANY: children must be declared;
        // XSD anyType: lax, declared children are checked.
        return this.dtdMode ? this.globalOrUndeclared(tag) : (this.global(tag) ?? LAX);
    }
  }

  private matchChild(parent: Frame, type: CompiledType, tag: StartTag): CompiledElement | typeof LAX | null {
    const child = this.dtdMode ? this.dtdChild(tag) : parent.wrongNs === tag.uri ? this.meantChild(tag, parent.meantNs) : tag;
    const { target, problem } = matchChild(type.matcher!, parent, child, this.schemaNames, this.childMatch, this.suppressed());
    if (problem !== null) this.report(problem.code, problem.params, tag.line, tag.column, problem.hint);
    if (target >= 0) return elementById(this.schema!, target);
    if (target === GLOBAL_REQUIRED) return this.globalOrUndeclared(tag);
    if (target === WILDCARD_LAX) return this.global(tag) ?? LAX;
    return target === GLOBAL_LAX ? (this.global(tag) ?? SKIP) : SKIP;
  }

  /** XSD: the element was taken as meant in another namespace, or inherits its parent's such mistake. */
  private noteWrongNamespace(frame: Frame, parent: Frame | null, tag: StartTag): void {
    if (this.childMatch.meant !== undefined) {
      frame.wrongNs = tag.uri;
      frame.meantNs = this.childMatch.meant;
    } else if (parent !== null && parent.wrongNs === tag.uri) {
      frame.wrongNs = parent.wrongNs;
      frame.meantNs = parent.meantNs;
    }
  }

  /** Below an element reported for its namespace, the same wrong namespace stands for the one meant. */
  private meantChild(tag: StartTag, meant: string | null): ChildName {
    const c = this.meantName;
    c.name = tag.name;
    c.uri = meant;
    c.local = tag.local;
    return c;
  }

  /** DTD: names are compared as written, without namespaces. */
  private dtdChild(tag: StartTag): ChildName {
    const c = this.dtdName;
    c.name = tag.name;
    c.local = tag.name;
    return c;
  }

  private readonly dtdName: ChildName = { name: "", uri: null, local: "" };
  private readonly meantName: ChildName = { name: "", uri: null, local: "" };
  private readonly childMatch = newChildMatch();
  private readonly schemaNames: SchemaNames = {
    hasGlobal: (uri, local) => this.schema !== null && findGlobal(this.schema, uri, local) !== undefined,
  };

  /** Sets up the frame for a declared element: xsi attributes, type, attributes. */
  private enter(f: Frame, el: CompiledElement, tag: StartTag): void {
    let type = el.type;
    if (el.abstract) this.report("valid/abstract-element", { found: tag.name }, tag.line, tag.column);
    if (!this.dtdMode && tag.attributes.length > 0) {
      const chosen = this.xsiAttributes(f, el, type, tag);
      if (chosen === null) {
        // An unknown xsi:type was reported; checking the content against a guess would cascade.
        f.skip = true;
        return;
      }
      type = chosen;
    }
    // cvc-elt.2: reported, then the content is still checked against the abstract type's model
    // (it is what the author wrote against), so one mistake gives one diagnostic. An abstract
    // element was reported already: no xsi:type can fix that (libxml2 reports it alone too).
    if (type.abstract && !el.abstract) this.reportAbstractType(el, type, tag);
    f.type = type;
    const m = type.matcher;
    if (m !== null) m.start(f);
    if (tag.attributes.length > 0 || type.required.length > 0) checkAttributes(this.attrContext, type, tag, tag.name);
  }

  private reportAbstractType(el: CompiledElement, type: CompiledType, tag: StartTag): void {
    let xsiType: string | null = null;
    for (const a of tag.attributes) if (a.uri === XSI_NS && a.local === "type") xsiType = a.value;
    this.report("valid/abstract-type", abstractTypeParams(this.schema!.model, type.id, el.decl, tag.name, xsiType), tag.line, tag.column);
  }

  private xsiAttributes(f: Frame, el: CompiledElement, type: CompiledType, tag: StartTag): CompiledType | null {
    let chosen: CompiledType | null = type;
    for (const a of tag.attributes) {
      if (a.uri !== XSI_NS) continue;
      if (a.local === "nil") {
        const v = a.value.trim();
        if (v !== "true" && v !== "false" && v !== "1" && v !== "0") {
          this.report("valid/attribute-value", { element: tag.name, name: a.name, expected: "true or false", found: a.value }, a.line, a.column);
        } else if (!el.decl.nillable) {
          // cvc-elt.3.1: on an element not declared nillable, xsi:nil may not occur at all, even "false".
          this.report("valid/nil", { parent: tag.name, problem: `xsi:nil="${a.value}" is not allowed: the element is not declared nillable` }, a.line, a.column);
        } else if (v === "true" || v === "1") {
          f.nil = true;
        }
      } else if (a.local === "type") {
        chosen = this.xsiType(el, tag, a.value, a.line, a.column);
      }
      // Other xsi:* attributes are ordinary attributes (cvc-complex-type.3 exempts only these four): checkAttributes.
    }
    return chosen;
  }

  /** The type an xsi:type value names (in the model that has it), or why it names none. */
  private resolveXsiType(value: string): { model: SchemaModel; named: SchemaModel["namedTypes"][string] } | string {
    const qname = value.trim();
    const colon = qname.indexOf(":");
    const prefix = colon < 0 ? "" : qname.slice(0, colon);
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const uri = this.namespaceOf(prefix);
    const key = uri === null ? local : `{${uri}}${local}`;
    let model = this.schema!.model;
    let named = uri === undefined ? undefined : model.namedTypes[key];
    if (named === undefined && uri === XSD_NS) {
      // A built-in the schema never uses: resolved in a copy of the model that has it.
      const builtin = xsiBuiltin(this.schema!, local);
      if (builtin !== undefined) ({ model, ref: named } = builtin);
    }
    if (named !== undefined) return { model, named };
    if (uri === undefined) return `the prefix "${prefix}" is not bound to a namespace`;
    // xs:anyType is in every schema; a model without it has no element of that type to replace.
    return uri === XSD_NS && local === "anyType" ? NOT_DERIVED : "no such type is declared in the schema";
  }

  /**
   * A laxly assessed element's xsi:type (cvc-assess-elt.1.2): the type it names, or null (none, or
   * it resolves to nothing: the element is then assessed laxly, which is no error).
   */
  private laxXsiType(tag: StartTag): CompiledType | null {
    let value: string | undefined;
    for (const a of tag.attributes) if (a.uri === XSI_NS && a.local === "type") value = a.value;
    const r = value === undefined ? undefined : this.resolveXsiType(value);
    if (r === undefined || typeof r === "string") return null;
    return r.named.kind === "simple" ? simpleElementType(r.model, r.named.id) : complexTypeById(this.schema!, r.named.id, this.diagnostics);
  }

  /** xsi:type: the named type replaces the declared one (derivation is not checked yet); null when unknown. */
  private xsiType(el: CompiledElement, tag: StartTag, value: string, line: number, column: number): CompiledType | null {
    const resolved = this.resolveXsiType(value);
    if (typeof resolved === "string") {
      const problem = resolved === NOT_DERIVED ? `the type does not derive from the declared type ${typeName(this.schema!.model, el.decl.type)}` : resolved;
      this.report("valid/xsi-type", { parent: tag.name, found: value, problem }, line, column);
      return null;
    }
    const { model, named } = resolved;
    if (!derivesFrom(model, named, el.decl.type)) {
      const declared = typeName(model, el.decl.type);
      this.report("valid/xsi-type", { parent: tag.name, found: value, problem: `the type does not derive from the declared type ${declared}` }, line, column);
      return null;
    }
    const blocked = xsiTypeBlocked(model, named, el.decl);
    if (blocked !== null) {
      this.report("valid/xsi-type", { parent: tag.name, found: value, problem: `the type may not replace the declared type: ${blocked}` }, line, column);
      return null;
    }
    if (named.kind === "simple") return simpleElementType(model, named.id);
    return complexTypeById(this.schema!, named.id, this.diagnostics);
  }

  /** In-scope namespace of `prefix`, from xmlns attributes of the open elements (undefined: unbound). */
  private namespaceOf(prefix: string): string | null | undefined {
    const attrName = prefix === "" ? "xmlns" : `xmlns:${prefix}`;
    for (let i = this.depth - 1; i >= 0; i--) {
      const uri = this.frameNamespaces[i]?.get(attrName);
      if (uri !== undefined) return uri;
    }
    return prefix === "" ? null : prefix === "xml" ? "http://www.w3.org/XML/1998/namespace" : undefined;
  }

  /** For QName-typed values, and xs:ENTITY values (the document's DTD declares the unparsed entities). */
  private readonly valueContext: ValueContext = {
    lookupNamespace: (prefix: string) => this.namespaceOf(prefix),
    unparsedEntity: (name: string) => this.dtd?.generalEntities.get(name)?.notation !== undefined,
  };

  /** Per open element: its xmlns declarations, if it has any (for xsi:type QNames). */
  private readonly frameNamespaces: (Map<string, string | null> | undefined)[] = [];

  private recordNamespaces(tag: StartTag): void {
    const attrs = tag.attributes;
    if (attrs.length === 0) {
      this.frameNamespaces[this.depth - 1] = undefined;
      return;
    }
    let map: Map<string, string | null> | undefined;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i];
      // With namespace processing the reader marks xmlns attributes by URI; without it, by name.
      const isDecl = this.attrContext.namespaces ? a.uri === XMLNS_NS : a.name === "xmlns" || a.name.startsWith("xmlns:");
      if (!isDecl) continue;
      map ??= new Map();
      map.set(a.name, a.value === "" ? null : a.value);
    }
    this.frameNamespaces[this.depth - 1] = map;
  }

  private finish(f: Frame, pos: Position): void {
    const type = f.type!;
    if (type.matcher !== null) {
      const missing = missingChildren(type.matcher, f);
      if (missing !== null) this.report(missing.code, missing.params, pos.line, pos.column, missing.hint);
    }
    if (f.textMode === TEXT_SIMPLE) this.finishSimple(f, type);
    else if (f.textMode === TEXT_MIXED_FIXED) this.finishFixedMixed(f);
  }

  /**
   * cvc-elt.5.2.2: an element of mixed content with a fixed value has no element children, and
   * its text (unnormalised: the initial value) is the fixed value or empty (then the value stands in).
   */
  private finishFixedMixed(f: Frame): void {
    const fixed = f.el!.fixed!;
    if (f.text.length === 0 || f.text === fixed) return;
    // Compared as written (no white-space normalisation): show white space that makes the difference.
    const spaced = f.text.length <= 40 && f.text.trim() === fixed;
    const found = spaced ? f.text.replace(/\n/g, "\\n").replace(/\t/g, "\\t") : excerpt(f.text);
    const hint = spaced ? "mixed content is compared as written: remove the white space around the text, or leave the element empty" : undefined;
    this.report("valid/fixed-element", { parent: f.name, expected: fixed, found }, f.textLine, f.textColumn, hint);
  }

  /** The first element child of a mixed element with a fixed value is reported; its text is no longer checked. */
  private childOfFixedMixed(parent: Frame, tag: StartTag): void {
    this.report("valid/fixed-mixed-child", { parent: parent.name, expected: parent.el!.fixed!, found: tag.name }, tag.line, tag.column);
    parent.textMode = TEXT_IGNORED;
  }

  private finishSimple(f: Frame, type: CompiledType): void {
    const decl = f.el?.decl;
    let value = f.text;
    const line = f.text.length > 0 ? f.textLine : f.line;
    const column = f.text.length > 0 ? f.textColumn : f.column;
    const fixed = f.el?.fixed;
    // A default or fixed value stands in for empty content; its QNames are bound by the schema.
    const schemaContext = schemaValueContext(decl?.valueNamespaces, this.valueContext);
    let context: ValueContext = this.valueContext;
    const standIn = decl?.default ?? fixed;
    const standsIn = value.length === 0 && standIn !== undefined;
    if (standsIn) {
      value = standIn;
      context = schemaContext;
    }
    const checker = type.simple!;
    if (fixed !== undefined && !checker.fixedMatches(value, context, fixed, schemaContext)) {
      this.report("valid/fixed-element", { parent: f.name, expected: fixed, found: excerpt(value) }, line, column);
      return;
    }
    if (checker.trivial) return;
    const problem = checker.check(value, context);
    if (problem !== null) {
      const { reason, hint } = explain(problem);
      // The value is the schema's, not the document's: say where it came from (cvc-elt.5.1.2).
      const why = standsIn ? `<${f.name}> is empty, so the schema's ${decl?.default !== undefined ? "default" : "fixed"} value "${standIn}" is its value (XSD 1.0 cvc-elt.5.1.2).${hint === undefined ? "" : " " + hint}` : hint;
      this.report("valid/text-type", { parent: f.name, reason, expected: checker.describe(), found: excerpt(value), typeCode: problem.code, typeNote: typeNote(reason, problem.code, checker.describe()) }, line, column, why);
      return;
    }
    if (type.textIds) this.recordElementId(f, checker.builtin, checker.normalize(value), line, column);
  }

  /** An element of type xs:ID / xs:IDREF(S) takes part in ID bookkeeping like an attribute. */
  private recordElementId(f: Frame, builtin: string, value: string, line: number, column: number): void {
    if (builtin === "ID") {
      const prior = this.ids.define(value, line);
      if (prior !== undefined) this.report("valid/duplicate-id", { found: value, firstLine: prior }, line, column);
    } else if (builtin === "IDREF" || builtin === "IDREFS") {
      let path: string | undefined;
      for (const v of value.split(" ")) if (v !== "" && !this.ids.defines(v)) this.ids.reference({ value: v, element: f.name, name: "text", line, column, path: (path ??= this.path()) });
    }
  }

  // --- Helpers --------------------------------------------------------------------------------

  /** One content error per element: the first one says it; the rest would repeat it. */
  private contentError(f: Frame, code: string, params: Params, pos: Position, onParent = false): void {
    if (f.contentReported) return;
    f.contentReported = true;
    if (this.suppressed()) {
      this.notReported++;
      return;
    }
    this.add(diagnose(code, params, { line: pos.line, column: pos.column, path: this.path(onParent ? 1 : 0) }));
  }

  private report(code: string, params: Params, line: number, column: number, hint?: string): void {
    if (this.suppressed()) {
      this.notReported++;
      return;
    }
    const d = diagnose(code, params, { line, column, path: this.path() });
    if (hint !== undefined) d.hint = hint;
    this.add(d);
  }

  /** True once the diagnostic limit is reached. */
  private suppressed(): boolean {
    return this.diagnostics.length >= MAX_DIAGNOSTICS;
  }

  private add(d: Diagnostic): void {
    if (this.diagnostics.length === MAX_DIAGNOSTICS - 1) {
      this.diagnostics.push(d);
      this.capAt = this.diagnostics.length;
      this.diagnostics.push(diagnose("valid/too-many-errors", { limit: MAX_DIAGNOSTICS, rest: "the rest are not reported" }, { line: d.line, column: d.column }));
      return;
    }
    if (!this.suppressed()) this.diagnostics.push(d);
    else this.notReported++;
  }

  /** Errors found after the limit (counted for valid/too-many-errors), and where that diagnostic is. */
  private notReported = 0;
  private capAt = -1;

  /**
   * "/A/B[2]/C" for the open elements, leaving out the innermost `skipInner`. Very deep paths
   * keep their first and last steps around "/..." so a hostile document cannot make every
   * diagnostic as long as its depth.
   */
  path(skipInner = 0): string {
    const n = this.depth - skipInner;
    let s = "";
    for (let i = 0; i < n; i++) {
      if (n > PATH_HEAD + PATH_TAIL && i === PATH_HEAD) {
        s += "/...";
        i = n - PATH_TAIL - 1;
        continue;
      }
      const f = this.frames[i];
      const index = f.index !== 0 ? f.index : this.frames[i - 1].indexIn(f.ordinal);
      s += index > 1 ? `/${f.name}[${index}]` : index === UNKNOWN_INDEX ? `/${f.name}[?]` : `/${f.name}`;
    }
    return s;
  }

  private externalAttribute(element: string, name: string): boolean {
    if (!this.standalone || this.dtd === null) return false;
    return this.dtd.attlists.get(element)?.find((d) => d.name === name)?.external === true;
  }

  private isExternalElement(name: string): boolean {
    // Declarations from the internal subset carry the document's own file name.
    const decl = this.dtd?.elements.get(name);
    return decl !== undefined && decl.location.file !== this.options.file;
  }
}

/** The position of the first character of `text` (at `pos`, line ends normalised to LF) that is not white space. */
function firstNonWhite(text: string, pos: Position): Position {
  let line = pos.line;
  let column = pos.column;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      column = 1;
    } else if (c === 0x20 || c === 0x09 || c === 0x0d) column++;
    else break;
  }
  return { line, column };
}
