/**
 * The content-model fuzz: seeded random XSD and DTD content models, each checked by three
 * opinions — qxml, libxml2 and the independent UPA oracle (test-support/upa-oracle.ts) — on
 * determinism and on the verdicts of random child sequences. Used by the CI test
 * (test/validate/content-model-fuzz.test.ts) and the deep run (content-model-deep.ts).
 *
 * Every determinism disagreement between qxml and libxml2 is classified by the oracle instead of
 * a hand-kept list:
 * - "duplicate-particles": qxml rejects, libxml2 accepts, the oracle finds two distinct particles
 *   for one element name that can both take the same child (a UPA violation, XSD 1.0 §3.8.6;
 *   libxml2 merges identical transitions);
 * - "exact-count": libxml2 rejects, qxml accepts, the oracle proves the model deterministic and
 *   it has an exact count (minOccurs = maxOccurs > 1), which decides the particle; libxml2's
 *   check for counted particles is conservative.
 * Anything else is a problem: qxml against the oracle (with or without libxml2), a libxml2
 * rejection of a deterministic model without an exact count, an undecided oracle, or any
 * verdict that differs.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXsdText } from "../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../src/validate/index.js";
import { documentText, dtdModelText, randomChildren, randomDtdModel, randomXsdModel, xsdSchemaText } from "./content-model-gen.js";
import { libxml2 } from "./libxml2.js";
import { seededRng } from "./mutate/rng.js";
import { checkDeterminism, describeAmbiguity, hasExactCount, matchesModel, type Determinism } from "./upa-oracle.js";

export type KnownClass = "duplicate-particles" | "exact-count";

export interface FuzzFinding {
  index: number;
  model: string;
  why: string;
}

export interface FuzzSummary {
  seed: number;
  models: number;
  /** Models all three call deterministic / non-deterministic. */
  deterministic: number;
  nonDeterministic: number;
  /** Determinism disagreements between qxml and libxml2 that the oracle explains, by class. */
  known: Record<KnownClass, FuzzFinding[]>;
  /** Documents whose verdicts were compared, and by whom. */
  documents: { threeWay: number; qxmlOracle: number };
  /** Oracle state sets visited, the most for one model, and the deepest breadth-first level (prefix length) a deterministic model needed. */
  oracle: { states: number; maxStates: number; longestPrefix: number };
  problems: string[];
}

export interface FuzzOptions {
  seed: number;
  models: number;
  documents: number;
}

const rngOf = (seed: number): (() => number) => seededRng(seed).next;

function emptySummary(seed: number): FuzzSummary {
  return {
    seed,
    models: 0,
    deterministic: 0,
    nonDeterministic: 0,
    known: { "duplicate-particles": [], "exact-count": [] },
    documents: { threeWay: 0, qxmlOracle: 0 },
    oracle: { states: 0, maxStates: 0, longestPrefix: 0 },
    problems: [],
  };
}

function noteOracle(s: FuzzSummary, d: Determinism): void {
  s.oracle.states += d.states;
  s.oracle.maxStates = Math.max(s.oracle.maxStates, d.states);
  if (d.verdict === "deterministic") s.oracle.longestPrefix = Math.max(s.oracle.longestPrefix, d.longestPrefix);
}

const oracleText = (d: Determinism): string => (d.verdict === "ambiguous" ? `ambiguous: ${describeAmbiguity(d)}` : d.verdict);
const yesNo = (ok: boolean): string => (ok ? "accepts" : "rejects");

/** qxml, libxml2 and the oracle on `opts.models` random XSD content models × `opts.documents` documents. */
export async function runXsdFuzz(opts: FuzzOptions): Promise<FuzzSummary> {
  const lib = await libxml2();
  const dir = mkdtempSync(join(tmpdir(), "qxml-fuzz-"));
  const r = rngOf(opts.seed);
  const s = emptySummary(opts.seed);
  try {
    for (let i = 0; i < opts.models; i++) {
      const model = randomXsdModel(r);
      const text = xsdSchemaText(model);
      const file = join(dir, `s${i}.xsd`);
      writeFileSync(file, text);
      const prepared = lib.prepare({ kind: "xsd", file });
      const read = readXsdText(text, file);
      const compiled = read.model === null ? null : compileSchema(read.model);
      const qxmlOk = compiled !== null && !compiled.diagnostics.some((d) => d.severity === "error");
      const oracle = checkDeterminism(model);
      noteOracle(s, oracle);
      s.models++;
      const docs = Array.from({ length: opts.documents }, () => randomChildren(r));
      const where = `seed ${opts.seed} model ${i} ${text}`;
      try {
        if (oracle.verdict === "unknown") {
          s.problems.push(`${where}: the oracle could not decide within its state budget`);
          continue;
        }
        const oracleOk = oracle.verdict === "deterministic";
        if (qxmlOk !== oracleOk) {
          const who = prepared.ok === oracleOk ? "qxml bug (libxml2 and the oracle agree)" : "the oracle disputes both engines";
          s.problems.push(`${where}: ${who}: qxml ${yesNo(qxmlOk)}, libxml2 ${yesNo(prepared.ok)}, oracle ${oracleText(oracle)}; qxml: ${compiled?.diagnostics[0]?.message ?? read.diagnostics[0]?.message ?? ""}`);
          continue;
        }
        if (qxmlOk !== prepared.ok) {
          if (oracle.verdict === "ambiguous") s.known["duplicate-particles"].push({ index: i, model: text, why: describeAmbiguity(oracle) });
          else if (hasExactCount(model)) s.known["exact-count"].push({ index: i, model: text, why: "libxml2 rejects a model the oracle proves deterministic; an exact count decides the particle" });
          else s.problems.push(`${where}: libxml2 rejects a deterministic model without an exact count: ${prepared.diagnostics[0]?.message ?? ""}`);
        } else if (qxmlOk) s.deterministic++;
        else s.nonDeterministic++;
        if (!qxmlOk) continue;
        for (const children of docs) {
          const doc = documentText(children);
          const q = validateString(doc, { file: "d.xml", schema: compiled!.schema }).valid;
          const o = matchesModel(model, children);
          s.documents.qxmlOracle++;
          let l: boolean | undefined;
          if (prepared.ok) {
            l = prepared.validate(doc, { file: "d.xml" }).valid;
            s.documents.threeWay++;
          }
          if (q !== o || (l !== undefined && l !== o)) s.problems.push(`${where} doc ${doc}: qxml ${q}, oracle ${o}, libxml2 ${l ?? "—"}`);
        }
      } finally {
        prepared.dispose();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return s;
}

const DTD_NAMES_DECLARED = "<!ELEMENT a EMPTY><!ELEMENT b EMPTY><!ELEMENT c EMPTY>";

/**
 * The same for DTD content models (XML 1.0 §3.2.1, Appendix E). qxml reports non-determinism on
 * each document; libxml2 may not ("libxml2-lenient", the duplicate-particles class again). The
 * content verdict is compared three ways on every model: qxml's without its ambiguity error,
 * the oracle's, and libxml2's unless it reported the model non-deterministic.
 */
export async function runDtdFuzz(opts: FuzzOptions): Promise<FuzzSummary> {
  const lib = await libxml2();
  const r = rngOf(opts.seed);
  const s = emptySummary(opts.seed);
  for (let i = 0; i < opts.models; i++) {
    const model = randomDtdModel(r);
    const modelText = dtdModelText(model);
    const dtd = `<!DOCTYPE r [<!ELEMENT r ${modelText}>${DTD_NAMES_DECLARED}]>\n`;
    const oracle = checkDeterminism(model);
    noteOracle(s, oracle);
    s.models++;
    const where = `seed ${opts.seed} model ${i} ${modelText}`;
    if (oracle.verdict === "unknown") {
      s.problems.push(`${where}: the oracle could not decide within its state budget`);
      continue;
    }
    for (let j = 0; j < opts.documents; j++) {
      const children = randomChildren(r);
      const doc = dtd + documentText(children);
      const a = lib.validateWithDoctype(doc, { file: "d.xml" });
      const b = validateString(doc, { file: "d.xml" });
      const qxmlAmbiguous = b.diagnostics.some((d) => d.code === "valid/ambiguous-content-model");
      const libAmbiguous = a.diagnostics.some((d) => /determinist/.test(d.message));
      if (j === 0) {
        const oracleOk = oracle.verdict === "deterministic";
        if (qxmlAmbiguous === oracleOk) {
          s.problems.push(`${where}: qxml ${qxmlAmbiguous ? "reports" : "misses"} non-determinism, oracle ${oracleText(oracle)}, libxml2 ${libAmbiguous ? "reports it" : "does not"}`);
        } else if (libAmbiguous === oracleOk) {
          if (oracle.verdict === "ambiguous") s.known["duplicate-particles"].push({ index: i, model: modelText, why: describeAmbiguity(oracle) });
          else s.problems.push(`${where}: libxml2 reports a deterministic model non-deterministic`);
        } else if (oracleOk) s.deterministic++;
        else s.nonDeterministic++;
      }
      const q = !b.diagnostics.some((d) => d.severity === "error" && d.code !== "valid/ambiguous-content-model");
      const o = matchesModel(model, children);
      s.documents.qxmlOracle++;
      let l: boolean | undefined;
      if (!libAmbiguous) {
        l = a.valid;
        s.documents.threeWay++;
      }
      if (q !== o || (l !== undefined && l !== o)) s.problems.push(`${where} doc ${documentText(children)}: qxml ${q}, oracle ${o}, libxml2 ${l ?? "—"} (${b.diagnostics.find((d) => d.severity === "error")?.message ?? ""} | ${a.diagnostics[0]?.message ?? ""})`);
    }
  }
  return s;
}

/** One line per summary, for the test log and the deep run. */
export function formatFuzzSummary(kind: string, s: FuzzSummary, docsPerModel: number): string {
  const k = s.known;
  return (
    `${kind} seed ${s.seed}: ${s.models} models × ${docsPerModel} documents; ${s.deterministic} deterministic and ${s.nonDeterministic} non-deterministic for all three; ` +
    `known determinism differences: ${k["duplicate-particles"].length} duplicate-particles, ${k["exact-count"].length} exact-count; ` +
    `documents compared: ${s.documents.threeWay} three-way, ${s.documents.qxmlOracle} qxml/oracle; ` +
    `oracle: ${s.oracle.states} state sets (at most ${s.oracle.maxStates} for one model, search depth ${s.oracle.longestPrefix}); ${s.problems.length} problems`
  );
}
