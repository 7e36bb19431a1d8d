/**
 * Every fixed identifier the generators emit, in one table, so that a schema-derived name can be
 * checked against them and none is spelt twice.
 */
import { Code, Name } from "./code.js";

export const N = {
  // Imports from the runtime ("qxml/runtime").
  diagnose: new Name("diagnose"),
  Diagnostic: new Name("Diagnostic"),
  FormTable: new Name("FormTable"),
  parseWithTable: new Name("parseWithTable"),
  serializeWithTable: new Name("serializeWithTable"),
  SerializeOptions: new Name("SerializeOptions"),
  checkValue: new Name("checkValue"),
  checkChild: new Name("checkChild"),
  ContentErrors: new Name("ContentErrors"),
  textOf: new Name("textOf"),
  checkDtdAttribute: new Name("checkDtdAttribute"),
  xsdReservedAttribute: new Name("xsdReservedAttribute"),
  ce: new Name("ce"),
  Infinity: new Code("Infinity"),
  isRecord: new Name("isRecord"),
  describeJs: new Name("describeJs"),
  report: new Name("report"),
  childPath: new Name("childPath"),
  expectedText: new Name("expectedText"),
  foundText: new Name("foundText"),
  typeError: new Name("typeError"),
  SimpleTypes: new Name("SimpleTypes"),
  MAX_DEPTH: new Name("MAX_DEPTH"),
  orderOf: new Name("orderOf"),
  orderedSchema: new Name("orderedSchema"),
  walkContent: new Name("walkContent"),
  nameInPath: new Name("nameInPath"),
  undeclaredAttribute: new Name("undeclaredAttribute"),
  wildcardAttribute: new Name("wildcardAttribute"),
  wildcardTakes: new Name("wildcardTakes"),
  writtenAttribute: new Name("writtenAttribute"),
  rootNameOf: new Name("rootNameOf"),
  el: new Name("el"),
  orderedText: new Name("orderedText"),
  ORDERED: new Name("ORDERED"),
  order: new Name("order"),
  TYPES: new Name("TYPES"),
  d: new Name("d"),
  alt: new Name("alt"),
  known: new Name("known"),
  // Locals and parameters of generated functions.
  value: new Name("value"),
  options: new Name("options"),
  xml: new Name("xml"),
  path: new Name("path"),
  out: new Name("out"),
  v: new Name("v"),
  o: new Name("o"),
  item: new Name("item"),
  i: new Name("i"),
  k: new Name("k"),
  t: new Name("t"),
  n: new Name("n"),
  c: new Name("c"),
  TABLE: new Name("TABLE"),
  KEYS: new Name("KEYS"),
} as const;

/** Prefixes of the per-element functions; names built from them are checked Names too. */
export const PREFIX = {
  validate: "validate",
  check: "check",
  parse: "parse",
  serialize: "serialize",
  is: "is",
  values: "Values",
} as const;

/** Identifiers the generated modules use at top level; schema-derived type names must avoid them. */
export const TAKEN: ReadonlySet<string> = new Set(
  Object.values(N).map((n) => n.text).concat(["Array", "Record", "Object", "String", "Number", "Boolean", "Date", "Error", "JSON", "Math", "Set", "Map", "Promise", "Partial"]),
);
