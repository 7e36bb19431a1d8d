/**
 * The result every validation engine returns. Same shape as `ValidationResult` of
 * src/validate/index.ts (kept structurally identical so either engine can back `qxml validate`).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export interface EngineResult {
  valid: boolean;
  wellFormed: boolean;
  diagnostics: Diagnostic[];
  root?: string;
  doctype?: { name: string; systemId?: string; publicId?: string };
}
