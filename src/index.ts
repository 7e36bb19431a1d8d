/**
 * qxml as a library: read DTDs and XSDs into one schema model, validate documents (streaming),
 * lint Qualys import payloads, and format findings. The CLI (`qxml`) is built on the same calls.
 */

// The schema model and its readers. Every type a public signature names is exported here too:
// the package's "exports" map closes deep imports, so a consumer could not name it otherwise.
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
  ElementParticle,
  GroupParticle,
  WildcardParticle,
  Wildcard,
  Provenance,
  DerivationMethod,
  IdentityConstraint,
  WhiteSpace,
  EnumerationValue,
  EntityDecl,
  NotationDecl,
} from "./schema/model.js";
export { readDtdSchema, dtdToModel } from "./schema/dtd/index.js";
export type { ReadDtdSchemaOptions, DtdSchemaResult } from "./schema/dtd/read.js";
export type { DtdDocument } from "./dtd/syntax.js";
export { readXsdFile, readXsdText, type XsdReadOptions, type XsdReadResult } from "./schema/xsd/index.js";
export { Catalog, bundledCatalog, type CatalogEntry } from "./schema/catalog.js";
export { loadSchema, type LoadedSchema } from "./schema/load.js";
export { describeSchema, formatSchemaView, type SchemaView, type ElementView, type AttributeView } from "./schema/describe.js";

// Validation.
export {
  compileSchema,
  validateFile,
  validateString,
  type CompiledSchema,
  type ValidateOptions,
  type ValidationResult,
} from "./validate/index.js";
export { localResolver, refuseAll, type EntityResolver, type LocalResolverOptions, type ResolvedEntity, type ResolveRefusal } from "./xml/resolve.js";
export { DtdCache } from "./xml/dtd-cache.js";
export { createReader, readFile as readXmlFile, readString as readXmlString, type XmlReader } from "./xml/reader.js";
export type { ReaderLimits, ReaderOptions } from "./xml/options.js";
export type { XmlHandler, StartTag, XmlAttribute, DoctypeInfo } from "./xml/events.js";
export { validateDocument, type DocumentContext, type DocumentOutcome, type EngineName } from "./pipeline/validate-document.js";

// Lint.
export { lintFile, lintString, rules, ruleById, ruleIds, type Rule, type RuleMeta, type LintOptions } from "./lint/index.js";
export { lintDocument, type LintContext, type LintOutcome } from "./lint/lint-document.js";
export { loadConfig, parseConfig, ConfigError, type QxmlConfig, type RuleSetting, type SchemaMapping } from "./config/config.js";

// Findings and reports.
export type { Diagnostic, Severity, FileResult, Findings } from "./diagnostics/diagnostic.js";
export { summarize } from "./diagnostics/diagnostic.js";
export { formatJson } from "./report/json.js";
export { formatSarif, type SarifOptions, type SarifRuleInfo } from "./report/sarif.js";
export { sarifRuleInfo } from "./lint/sarif-rule-info.js";
export { formatJunit } from "./report/junit.js";
