// Bundles the CLI into one file (dist/qxml.mjs), so a cold `qxml validate` reads one module
// instead of ~100: measured 0.17 → 0.12 s CPU for a 5 KB file. The per-module build in
// dist/src/ stays the library (exports) and what the tests import.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/qxml.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Optional or generated-code-only dependencies stay outside the bundle.
  external: ["libxml2-wasm", "fast-xml-parser"],
  // Less text for V8 to parse on every start (≈5 ms of a cold run); names are kept, so stack
  // traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
});
