/**
 * qxml as a library: read DTDs and XSDs into one schema model, validate documents (streaming),
 * lint Qualys import payloads, and format findings. The CLI (`qxml`) is built on the same calls.
 */

// The schema model and its readers.
export type {
  SchemaModel,
  ElementDecl,
  ComplexType,
  SimpleType,
  AttributeDecl,
  Particle,
  Content,
  Facets,
  SourceLocation,
  UnsupportedFeature,
} from "./schema/model.js";
export { readDtdSchema, dtdToModel } from "./schema/dtd/index.js";
export { readXsdFile, readXsdText } from "./schema/xsd/index.js";
export { Catalog, bundledCatalog, type CatalogEntry } from "./schema/catalog.js";
export { loadSchema, type LoadedSchema } from "./schema/load.js";
export { describeSchema, formatSchemaView } from "./schema/describe.js";

// Validation.
export {
  compileSchema,
  validateFile,
  validateString,
  type CompiledSchema,
  type ValidateOptions,
  type ValidationResult,
} from "./validate/index.js";
export { localResolver, refuseAll, type EntityResolver } from "./xml/resolve.js";
export { DtdCache } from "./xml/dtd-cache.js";
export { createReader, readFile as readXmlFile, readString as readXmlString } from "./xml/reader.js";
export type { XmlHandler, StartTag, XmlAttribute, DoctypeInfo } from "./xml/events.js";
export { validateDocument, type DocumentContext } from "./pipeline/validate-document.js";

// Lint.
export { lintFile, lintString, rules, ruleById, ruleIds, type Rule, type RuleMeta } from "./lint/index.js";
export { lintDocument } from "./lint/lint-document.js";
export { loadConfig, parseConfig, ConfigError, type QxmlConfig } from "./config/config.js";

// Findings and reports.
export type { Diagnostic, Severity, FileResult, Findings } from "./diagnostics/diagnostic.js";
export { summarize } from "./diagnostics/diagnostic.js";
export { formatJson } from "./report/json.js";
export { formatSarif, type SarifOptions } from "./report/sarif.js";
export { sarifRuleInfo } from "./lint/sarif-rule-info.js";
export { formatJunit } from "./report/junit.js";
