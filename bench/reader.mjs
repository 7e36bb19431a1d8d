/**
 * Reader throughput: generates a ~20 MB Qualys-like document (attributes, text, entity and
 * character references, CDATA, comments) and streams it through the qxml reader with a no-op
 * handler, from a string and from the file in 64 KiB chunks; saxes on the same input for scale.
 * Usage: npm run build && node bench/reader.mjs [MB]   (QXML_DIST=path overrides ../dist)
 */
import { closeSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dist = process.env.QXML_DIST ?? new URL("../dist", import.meta.url).pathname;
const { readFile, readString } = await import(join(dist, "src/xml/reader.js"));

const targetMB = Number(process.argv[2] ?? 20);
const file = join(tmpdir(), `qxml-bench-${targetMB}.xml`);

function generate() {
  const fd = openSync(file, "w");
  writeSync(fd, '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE SCAN [<!ENTITY q "Qualys">]>\n<SCAN value="scan/1700000000.12345">\n');
  let size = 0;
  let i = 0;
  const target = targetMB * 1024 * 1024;
  while (size < target) {
    let chunk = "";
    for (let k = 0; k < 200; k++, i++) {
      chunk +=
        `  <IP value="10.0.${(i >> 8) & 255}.${i & 255}" name="host-${i}.example.com">\n` +
        `    <OS>Linux 5.${i % 20} &amp; more</OS>\n` +
        `    <VULN number="${38000 + (i % 5000)}" severity="${1 + (i % 5)}">\n` +
        `      <TITLE>&q; detected OpenSSL &lt;3.0 vulnerability #${i} – café</TITLE>\n` +
        `      <RESULT><![CDATA[port 443/tcp <open> ${"x".repeat(i % 40)}]]></RESULT>\n` +
        `      <!-- reviewed -->\n` +
        `    </VULN>\n  </IP>\n`;
    }
    size += Buffer.byteLength(chunk);
    writeSync(fd, chunk);
  }
  writeSync(fd, "</SCAN>\n");
  closeSync(fd);
}

generate();
const bytes = statSync(file).size;
const mb = bytes / 1024 / 1024;
let elements = 0;
let errors = 0;
const handler = {
  startElement() {
    elements++;
  },
  endElement() {},
  text() {},
  diagnostic(d) {
    if (d.severity === "error") errors++;
  },
};

/** Wall-clock and CPU-time throughput (CPU time is steadier on a shared machine). */
function report(label, ms, cpu) {
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${label.padEnd(28)} ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s wall  ${(mb / (cpuMs / 1000)).toFixed(1).padStart(7)} MB/s cpu  (${ms.toFixed(0)} ms, ${mb.toFixed(1)} MB)`,
  );
}

const text = readFileSync(file, "utf8");
for (let round = 0; round < 3; round++) {
  elements = 0;
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  await readFile(file, handler);
  report("qxml readFile (64 KiB)", performance.now() - t0, process.cpuUsage(c0));
  t0 = performance.now();
  c0 = process.cpuUsage();
  readString(text, handler);
  report("qxml readString", performance.now() - t0, process.cpuUsage(c0));
}
console.log(`elements per pass: ${elements}, errors: ${errors}`);

try {
  const { SaxesParser } = await import("saxes");
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const p = new SaxesParser({ xmlns: true, position: true });
  p.on("opentag", () => {});
  p.on("text", () => {});
  // saxes does not expand internal-subset entities: define &q; for it.
  // (entities replaced in the input below)
  p.write(text.replaceAll("&q;", "Qualys")).close();
  report("saxes (for scale)", performance.now() - t0, process.cpuUsage(c0));
} catch (e) {
  console.log(`saxes: ${e.message}`);
}
