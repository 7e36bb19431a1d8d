/** Every lint rule, in the order of docs/rules/README.md. Adding a rule: a file here, a line below, a docs page, tests. */
import type { Rule } from "../types.js";
import { authType } from "./auth-type.js";
import { countMismatch } from "./count-mismatch.js";
import { criticality } from "./criticality.js";
import { dbUdcLimit } from "./db-udc-limit.js";
import { discoveryWithScanByPolicy } from "./discovery-with-scan-by-policy.js";
import { duplicateAuthType } from "./duplicate-auth-type.js";
import { duplicateControl } from "./duplicate-control.js";
import { emptyRemediation } from "./empty-remediation.js";
import { onDuplicateValue } from "./on-duplicate-value.js";
import { operatorMismatch } from "./operator-mismatch.js";
import { oracleTemplateRequired } from "./oracle-template-required.js";
import { oracleTemplateUnused } from "./oracle-template-unused.js";
import { sybaseTechnology } from "./sybase-technology.js";
import { systemRecordTemplate } from "./system-record-template.js";
import { templateNamesTemplate } from "./template-names-template.js";
import { templateStatus } from "./template-status.js";
import { templateSystemCreated } from "./template-system-created.js";
import { udcCheckType } from "./udc-check-type.js";
import { udcControlId } from "./udc-control-id.js";
import { udcId } from "./udc-id.js";
import { unknownTechnology } from "./unknown-technology.js";

export const rules: readonly Rule[] = [
  // Option profiles
  oracleTemplateRequired,
  oracleTemplateUnused,
  discoveryWithScanByPolicy,
  duplicateAuthType,
  authType,
  onDuplicateValue,
  dbUdcLimit,
  // Policies and user-defined controls
  udcCheckType,
  countMismatch,
  criticality,
  udcId,
  udcControlId,
  duplicateControl,
  operatorMismatch,
  unknownTechnology,
  sybaseTechnology,
  emptyRemediation,
  // Oracle authentication record lists
  templateNamesTemplate,
  systemRecordTemplate,
  templateSystemCreated,
  templateStatus,
];
