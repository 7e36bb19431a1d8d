#!/usr/bin/env -S node --max-semi-space-size=2
/*
 * `qxml`: loads the CLI bundle (dist/qxml-cli.cjs) through V8's code cache (dist/qxml-cli.cache,
 * written at build time by scripts/code-cache.cjs), so that a cold start compiles almost nothing.
 * A cache made by another Node/V8 version or with other V8 flags is rejected by V8 and the bundle
 * is simply compiled: slower, same result.
 *
 * The shebang's small young generation keeps a streaming run's peak RSS near its live set (many
 * short-lived strings): measured 72 MB → 61 MB on the 100 MB benchmark file. It is also part of
 * the code cache's key: the cache is written under the same flag.
 *
 * Plain CommonJS on purpose: Node 20's ES module loader alone cost ≈ 15 ms of a cold start.
 */
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { Script } = require("node:vm");
const { wrap } = require("node:module");

const BUNDLE = join(__dirname, "..", "dist", "qxml-cli.cjs");
const CACHE = join(__dirname, "..", "dist", "qxml-cli.cache");

/** Compiles and runs the bundle: its exports, and the Script (for the code cache writer). */
function loadBundle() {
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    // No cache (not built yet, or removed): compile from source.
  }
  let source;
  try {
    source = readFileSync(BUNDLE, "utf8");
  } catch (e) {
    // A checkout that was never built (`npm ci` builds it through the prepare script).
    process.stderr.write(`qxml: cannot read the CLI bundle ${BUNDLE} (${e.code ?? e.message}); build it with \`npm run build\`\n`);
    process.exit(2);
  }
  const script = new Script(wrap(source), { filename: BUNDLE, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod, BUNDLE, join(__dirname, "..", "dist"));
  // Code restored from the cache cannot call import() itself in Node 20: this module imports.
  mod.exports.setExternalImporter((specifier) => import(specifier));
  return { cli: mod.exports, script, cacheRejected: cachedData === undefined || script.cachedDataRejected === true };
}

if (require.main === module) loadBundle().cli.runCli();
else module.exports = { loadBundle, CACHE };
