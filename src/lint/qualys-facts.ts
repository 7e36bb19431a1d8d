/**
 * Values the Qualys release notes state (docs/qualys-schemas.md, "Facts for lint rules"). The
 * enumerations equal the bundled schemas'; test/lint/facts.test.ts checks that they still do.
 */

/** ImportableControl.xsd CHECK_TYPE enumeration, spelled as printed (22 values, v10.x). */
export const CHECK_TYPES: readonly string[] = [
  "Registry Key Existence",
  "Registry Value Existence",
  "Registry Value Content Check",
  "Registry Permission",
  "Window File/Directory Existence",
  "Window File/Directory Permission",
  "Unix File/Directory Permission",
  "Unix File Content Check",
  "Unix File/Directory Existence",
  "Window File Integrity Check",
  "Unix File Integrity Check",
  "WMI Query Check",
  "Share Access Check",
  "Unix Directory Search Check",
  "Windows Directory Search Check",
  "Windows Group Membership Check",
  "Windows Directory Integrity Check",
  "Unix Directory Integrity Check",
  "MSSQL Database Check",
  "Oracle Database Check",
  "Sybase Database Check",
  "Windows File Content Check",
];

/** option_profiles.xsd AUTHENTICATION_TYPE enumeration (auto_auth_types, v10.x). */
export const AUTHENTICATION_TYPES: readonly string[] = ["Apache Web Server", "IBM WebSphere App Server", "Jboss Server", "Tomcat Server", "Oracle"];

/** The Qualys criticality scale; the notes show UNDEFINED 0 and SERIOUS 3, the rest is Qualys' usual scale. */
export const CRITICALITY_SCALE: ReadonlyMap<string, number> = new Map([
  ["UNDEFINED", 0],
  ["MINIMAL", 1],
  ["MEDIUM", 2],
  ["SERIOUS", 3],
  ["CRITICAL", 4],
  ["URGENT", 5],
]);

export const SYBASE_CHECK_TYPE = "Sybase Database Check";

/** Technologies a Sybase Database Check UDC may run on: Sybase ASE 15 (69) and SAP ASE 16 (116). */
export const SYBASE_TECHNOLOGIES: ReadonlyMap<string, string> = new Map([
  ["69", "Sybase ASE 15"],
  ["116", "SAP ASE 16"],
]);

/** option_profiles.xsd SYBASEType: DB_UDC_LIMIT xs:integer 1..256; the prose speaks of 2,500 rows. */
export const DB_UDC_LIMIT_MIN = 1;
export const DB_UDC_LIMIT_MAX = 256;
export const DB_UDC_LIMIT_PROSE_MAX = 2500;

/** UDC_ID: 8-4-4-4-12 hex digits; the samples' version nibbles are not RFC 4122, so only the shape is checked. */
export const UDC_ID_PATTERN = /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

/** UDC control IDs start at 100000 (all samples; Qualys help). */
export const UDC_FIRST_CONTROL_ID = 100000;

/** Elements that hold a user-defined control: in a policy export, and in a UDC CONTROL_LIST. */
export const UDC_ELEMENTS: readonly string[] = ["USER_DEFINED_CONTROL", "CONTROL"];
