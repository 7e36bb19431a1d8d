/*
 * Writes dist/qxml-cli.cache, the V8 code cache bin/qxml.cjs loads the bundle with. Run by
 * scripts/bundle-cli.mjs in a plain node, as the bin runs (V8's flags are part of the cache's key;
 * requiring the bin sets the one flag it sets at run time). The bundle first runs the commands a
 * cold start needs most (validate and lint of the examples), so that the functions they compile
 * lazily are in the cache too.
 */
"use strict";
const { writeFileSync, rmSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const bin = require(join(root, "bin", "qxml.cjs"));
rmSync(bin.CACHE, { force: true });
const { cli, script } = bin.loadBundle();

async function warm() {
  // Output goes nowhere: the parent runs this with stdio ignored.
  process.chdir(root);
  await cli.main(["validate", "examples/good"]);
  await cli.main(["lint", "examples"]);
  writeFileSync(bin.CACHE, script.createCachedData());
}

warm().catch((e) => {
  process.stderr.write(`code cache: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
