/** Collects the reader's diagnostics and unsupported-feature records, with the schema file attached. */
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { diagnose, type Params } from "../../diagnostics/codes.js";
import type { SourceLocation, UnsupportedFeature } from "../model.js";
import "./codes.js"; // registers the xsd/ codes this reporter builds

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly unsupported: UnsupportedFeature[] = [];
  /** xs:include/xs:import documents not read (xsd/load-failed, xsd/import-skipped), in report order. */
  private readonly unread: { directive: string; location: string; why: string }[] = [];

  report(code: string, params: Params, loc: SourceLocation): Diagnostic {
    const d = diagnose(code, params, { line: loc.line, column: loc.column });
    d.schemaLocation = { file: loc.file, line: loc.line, column: loc.column };
    this.diagnostics.push(d);
    if (code === "xsd/load-failed") this.unread.push({ directive: String(params.directive), location: String(params.location), why: "could not be read" });
    if (code === "xsd/import-skipped") this.unread.push({ directive: "import", location: String(params.location), why: "was skipped (its namespace was imported from another file)" });
    return d;
  }

  /**
   * An unresolved name. After a failed or skipped include/import the name most likely lives in the
   * document that was not read, so that is named and no did-you-mean is offered: the nearest existing
   * name would be an unrelated one. Otherwise, a did-you-mean from the names that do exist.
   */
  unresolved(code: string, name: string, loc: SourceLocation, suggestion: string | undefined): Diagnostic {
    if (this.unread.length > 0) {
      const d = this.report(code, { name, suggestion: "" }, loc);
      const docs = this.unread.map((u) => `"${u.location}"`).join(", ");
      const directives = [...new Set(this.unread.map((u) => `xs:${u.directive}`))].join("/");
      d.message += `; it may be declared in ${docs}, which ${[...new Set(this.unread.map((u) => u.why))].join(" or ")}`;
      d.hint = `fix the ${directives} of ${docs} (reported above), or define ${name}`;
      return d;
    }
    const d = this.report(code, { name, suggestion: suggestion ?? "" }, loc);
    if (suggestion !== undefined) {
      d.message += `; did you mean ${suggestion}?`;
      d.hint = `use ${suggestion}, or define ${name}`;
    }
    return d;
  }

  /** A construct qxml reads but does not model: a warning, and a record in model.unsupported. */
  unsupportedFeature(feature: string, loc: SourceLocation, detail?: string): void {
    const rec: UnsupportedFeature = { feature, location: loc };
    if (detail !== undefined) rec.detail = detail;
    this.unsupported.push(rec);
    this.report("xsd/unsupported", { feature }, loc);
  }

  /** Diagnostics in reading order: by file (in the order files were first reported), line, column. */
  sorted(): Diagnostic[] {
    const rank = new Map<string, number>();
    for (const d of this.diagnostics) {
      const f = d.schemaLocation?.file ?? "";
      if (!rank.has(f)) rank.set(f, rank.size);
    }
    const fileRank = (d: Diagnostic) => rank.get(d.schemaLocation?.file ?? "")!;
    return [...this.diagnostics].sort((a, b) => fileRank(a) - fileRank(b) || a.line - b.line || a.column - b.column);
  }

  hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === "error");
  }
}
