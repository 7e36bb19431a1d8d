#!/usr/bin/env node
/*
 * `qxml`: loads the CLI bundle (dist/qxml-cli.cjs) through V8's code cache (dist/qxml-cli.cache,
 * written at build time by scripts/code-cache.cjs), so that a cold start compiles almost nothing.
 * A cache made by another Node/V8 version or with other V8 flags is rejected by V8 and the bundle
 * is simply compiled: slower, same result.
 *
 * A plain `env node` shebang: `env -S node --flag` fails on BusyBox (Alpine, the node:*-alpine CI
 * images) and coreutils before 8.30 ("unrecognized option: S"). So the young generation is kept
 * small from here instead: V8 starts with 1 MB semi-spaces and grows them by this factor when a
 * scavenge keeps much alive; at 1 they stay at 1 MB, which keeps a streaming run's peak RSS near
 * its live set (many short-lived strings): 72 MB → 61 MB on the 100 MB benchmark file, the same
 * CPU time as the `--max-semi-space-size=2` the shebang used to pass. V8 reads the factor each
 * time it would grow, so setting it at run time works (the maximum size is fixed at start-up and
 * would not). The flag is part of the code cache's key: the cache writer loads this file, so it
 * writes under the same flag.
 *
 * Plain CommonJS on purpose: Node 20's ES module loader alone cost ≈ 15 ms of a cold start.
 */
"use strict";
require("node:v8").setFlagsFromString("--semi-space-growth-factor=1");
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
