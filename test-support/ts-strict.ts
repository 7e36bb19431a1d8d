/** The compiler options generated code is checked with (`tsc --strict --noEmit`), shared by the generator tests and the breadth harness. */
import { join } from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./paths.js";

/** `types`: the ambient type packages (e.g. ["node"]); `extra`: stricter flags a test adds. */
export function strictOptions(types: string[], extra: ts.CompilerOptions = {}): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types,
    typeRoots: [join(REPO_ROOT, "node_modules/@types")],
    ...extra,
  };
}

/**
 * The flags a demanding consumer project adds on top of `strict` (docs/consumers.md): generated
 * code lands in their `src/` and must compile under them too.
 */
export const consumerFlags: ts.CompilerOptions = {
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  // Declarations each file can emit alone, and only syntax a type stripper can erase (Node 22+).
  declaration: true,
  isolatedDeclarations: true,
  erasableSyntaxOnly: true,
};
