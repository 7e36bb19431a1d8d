/**
 * Benchmark inputs, written as a stream (never a whole document in memory): a compliance policy
 * export with many USER_DEFINED_CONTROLs (schemas/qualys/policy_export_output.dtd), the same
 * controls as an import CONTROL_LIST (schemas/qualys/ImportableControl.xsd), and large
 * OPTION_PROFILES sets (option_profile_info.dtd export, option_profiles.xsd import) built by
 * repeating the OPTION_PROFILE of a bundled fixture. Deterministic: a seeded generator.
 */
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Buffers text and writes it in ~1 MB pieces; `bytes` counts what has been written or buffered. */
function sink(path) {
  const fd = openSync(path, "w");
  let buf = [];
  let pending = 0;
  let bytes = 0;
  const flush = () => {
    writeSync(fd, buf.join(""));
    buf = [];
    pending = 0;
  };
  return {
    write(s) {
      buf.push(s);
      pending += s.length;
      bytes += Buffer.byteLength(s);
      if (pending > 1 << 20) flush();
    },
    get bytes() {
      return bytes;
    },
    close() {
      flush();
      closeSync(fd);
      return bytes;
    },
  };
}

const CHECK_TYPES = [
  "Unix File/Directory Permission",
  "Unix File Content Check",
  "Unix File/Directory Existence",
  "Registry Value Content Check",
  "Window File/Directory Permission",
  "WMI Query Check",
  "Oracle Database Check",
  "Sybase Database Check",
  "MSSQL Database Check",
  "Windows File Content Check",
];
const CATEGORIES = [
  [3, "Access Control Requirements", 1007, "Authentication/Passwords"],
  [4, "Auditing & Logging", 1012, "Log Retention"],
  [6, "System Configuration", 1030, "File Permissions"],
];
const TECHS = [
  [217, "Red Hat Enterprise Linux 8.x"],
  [45, "Windows Server 2016"],
  [88, "Oracle 19c"],
  [301, "Sybase ASE 16"],
];
const OPS = ["re", "eq", "ne", "in", "xre"];

function uuid(r) {
  const h = () => Math.floor(r() * 16).toString(16);
  const part = (n) => Array.from({ length: n }, h).join("");
  return `${part(8)}-${part(4)}-${part(4)}-${part(4)}-${part(12)}`;
}

function expression(r, depth) {
  const dp = () => `<DP><K>custom.file_permission.${1000000 + Math.floor(r() * 99999)}</K><OP>${OPS[Math.floor(r() * OPS.length)]}</OP><V><![CDATA[^(rw-|r--)r--.*$]]></V></DP>`;
  if (depth === 0 || r() < 0.5) return dp();
  const op = r() < 0.5 ? "AND" : "OR";
  return `<${op}>${expression(r, depth - 1)}${expression(r, depth - 1)}</${op}>`;
}

/** One user-defined control; `wrapper` is USER_DEFINED_CONTROL (export) or CONTROL (import list). */
function control(r, n, wrapper, indent) {
  const [catId, cat, subId, sub] = CATEGORIES[n % CATEGORIES.length];
  const techCount = 1 + Math.floor(r() * 3);
  const i = indent;
  let s = `${i}<${wrapper}>\n`;
  s += `${i}  <ID>${100000 + n}</ID>\n${i}  <UDC_ID>${uuid(r)}</UDC_ID>\n`;
  s += `${i}  <CHECK_TYPE>${CHECK_TYPES[n % CHECK_TYPES.length]}</CHECK_TYPE>\n`;
  s += `${i}  <CATEGORY>\n${i}    <ID>${catId}</ID>\n${i}    <NAME><![CDATA[${cat}]]></NAME>\n${i}  </CATEGORY>\n`;
  s += `${i}  <SUB_CATEGORY>\n${i}    <ID>${subId}</ID>\n${i}    <NAME><![CDATA[${sub}]]></NAME>\n${i}  </SUB_CATEGORY>\n`;
  s += `${i}  <STATEMENT><![CDATA[Basic File/Directory Permission - UNIX control ${n}: /etc/profile must not be world-writable]]></STATEMENT>\n`;
  s += `${i}  <CRITICALITY>\n${i}    <LABEL><![CDATA[SERIOUS]]></LABEL>\n${i}    <VALUE>${1 + (n % 5)}</VALUE>\n${i}  </CRITICALITY>\n`;
  s += `${i}  <COMMENT>Checks permission bits &amp; ownership of /etc/profile (&lt;= 0644)</COMMENT>\n`;
  s += `${i}  <USE_AGENT_ONLY>0</USE_AGENT_ONLY>\n${i}  <AUTO_UPDATE>0</AUTO_UPDATE>\n${i}  <IGNORE_ERROR>0</IGNORE_ERROR>\n${i}  <IGNORE_ITEM_NOT_FOUND>0</IGNORE_ITEM_NOT_FOUND>\n`;
  s += `${i}  <SCAN_PARAMETERS>\n${i}    <FILE_PATH><![CDATA[/etc/profile.d/control-${n}.sh]]></FILE_PATH>\n${i}    <DATA_TYPE>String</DATA_TYPE>\n${i}    <DESCRIPTION><![CDATA[File/Directory Permission]]></DESCRIPTION>\n${i}  </SCAN_PARAMETERS>\n`;
  s += `${i}  <TECHNOLOGIES total="${techCount}">\n`;
  for (let t = 0; t < techCount; t++) {
    const [techId, tech] = TECHS[(n + t) % TECHS.length];
    s += `${i}    <TECHNOLOGY>\n${i}      <ID>${techId}</ID>\n${i}      <NAME>${tech}</NAME>\n`;
    s += `${i}      <EVALUATE><CTRL>${expression(r, 2)}</CTRL></EVALUATE>\n`;
    s += `${i}      <RATIONALE><![CDATA[Permissions wider than 0644 let any local user alter the login environment of every shell.]]></RATIONALE>\n`;
    s += `${i}      <REMEDIATION><![CDATA[chmod 0644 /etc/profile && chown root:root /etc/profile]]></REMEDIATION>\n`;
    s += `${i}      <DATAPOINT>\n${i}        <CARDINALITY>no_cd</CARDINALITY>\n${i}        <OPERATOR>re</OPERATOR>\n${i}        <DEFAULT_VALUES total="1">\n${i}          <DEFAULT_VALUE><![CDATA[^(rw-|r--)r--r--$]]></DEFAULT_VALUE>\n${i}        </DEFAULT_VALUES>\n${i}      </DATAPOINT>\n`;
    s += `${i}    </TECHNOLOGY>\n`;
  }
  s += `${i}  </TECHNOLOGIES>\n${i}  <REFERENCE_LIST/>\n${i}</${wrapper}>\n`;
  return s;
}

const POLICY_DOCTYPE = `<!DOCTYPE POLICY_EXPORT_OUTPUT SYSTEM "https://qualysapi.qualys.com/api/2.0/fo/compliance/policy/policy_export_output.dtd">`;

/** POLICY_EXPORT_OUTPUT of about `targetBytes`, controls spread over sections of 500. */
export function writePolicyExport(path, targetBytes, seed = 1) {
  const r = rng(seed);
  const out = sink(path);
  out.write(`<?xml version="1.0" encoding="UTF-8"?>\n${POLICY_DOCTYPE}\n<POLICY_EXPORT_OUTPUT>\n  <RESPONSE>\n    <DATETIME>2024-04-22T16:47:24Z</DATETIME>\n    <POLICY>\n`);
  out.write(`      <TITLE><![CDATA[RHEL 8 hardening (generated)]]></TITLE>\n      <EXPORTED><![CDATA[2024-04-22T16:47:24Z]]></EXPORTED>\n      <COVER_PAGE><![CDATA[]]></COVER_PAGE>\n      <STATUS><![CDATA[active]]></STATUS>\n`);
  out.write(`      <TECHNOLOGIES total="${TECHS.length}">\n${TECHS.map(([id, name]) => `        <TECHNOLOGY>\n          <ID>${id}</ID>\n          <NAME>${name}</NAME>\n        </TECHNOLOGY>\n`).join("")}      </TECHNOLOGIES>\n      <SECTIONS>\n`);
  let n = 0;
  const closing = `      </SECTIONS>\n    </POLICY>\n  </RESPONSE>\n</POLICY_EXPORT_OUTPUT>\n`;
  for (let section = 1; out.bytes + closing.length < targetBytes; section++) {
    out.write(`        <SECTION>\n          <NUMBER>${section}</NUMBER>\n          <HEADING><![CDATA[UDC section ${section}]]></HEADING>\n          <CONTROLS total="500">\n`);
    for (let k = 0; k < 500 && out.bytes + closing.length < targetBytes; k++) out.write(control(r, n++, "USER_DEFINED_CONTROL", "            "));
    out.write(`          </CONTROLS>\n        </SECTION>\n`);
  }
  out.write(closing);
  return { bytes: out.close(), controls: n };
}

/** CONTROL_LIST (ImportableControl.xsd) of about `targetBytes`. */
export function writeControlList(path, targetBytes, seed = 2) {
  const r = rng(seed);
  const out = sink(path);
  const closing = `</CONTROL_LIST>\n`;
  out.write(`<?xml version="1.0" encoding="UTF-8"?>\n<CONTROL_LIST>\n`);
  let n = 0;
  while (out.bytes + closing.length < targetBytes) out.write(control(r, n++, "CONTROL", "  "));
  out.write(closing);
  return { bytes: out.close(), controls: n };
}

/** Repeats the OPTION_PROFILE elements of a fixture until about `targetBytes`, varying ID and GROUP_NAME. */
export function writeOptionProfiles(path, fixture, targetBytes) {
  const text = readFileSync(fixture, "utf8");
  const start = text.indexOf("<OPTION_PROFILE>");
  const end = text.lastIndexOf("</OPTION_PROFILES>");
  if (start < 0 || end < 0) throw new Error(`${fixture}: no OPTION_PROFILE elements to repeat`);
  // Keep the prolog (XML declaration, DOCTYPE) but drop comments, which say where the sample came from.
  const head = text.slice(0, text.indexOf("<OPTION_PROFILES>")).replace(/<!--[\s\S]*?-->\s*/g, "");
  const body = text.slice(start, end);
  const out = sink(path);
  out.write(`${head}<OPTION_PROFILES>\n  `);
  let n = 0;
  while (out.bytes + body.length < targetBytes) {
    n++;
    out.write(body.replace(/<ID>(\d+)<\/ID>/, `<ID>${4000000 + n}</ID>`).replace(/<GROUP_NAME><!\[CDATA\[([^\]]*)\]\]>/, `<GROUP_NAME><![CDATA[$1 #${n}]]>`));
  }
  out.write(`</OPTION_PROFILES>\n`);
  return { bytes: out.close(), profiles: n };
}
