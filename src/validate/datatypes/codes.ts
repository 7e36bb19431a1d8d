/**
 * Diagnostic codes for simple-type values. Checkers return `{ code, params }`; the validation
 * engine turns that into a Diagnostic with a location. Every message says what was found and
 * what was expected.
 */
import { defineCodes } from "../../diagnostics/codes.js";

export const TYPE_CODES = defineCodes({
  "type/lexical": {
    severity: "error",
    message: '"{value}" is not a valid {type}: {expected}',
    hint: "write the value in the lexical form of {type}",
  },
  "type/range": {
    severity: "error",
    message: "value {value} is out of range for {type}: expected {range}",
    hint: "use a value in the range of {type}: {range}",
  },
  "type/enumeration": {
    severity: "error",
    message: 'value "{value}" is not one of: {allowed}',
    hint: "{fix}",
  },
  "type/pattern": {
    severity: "error",
    message: 'value "{value}" does not match the pattern {pattern}',
    hint: "change the value so that it matches {pattern}",
  },
  "type/pattern-too-costly": {
    severity: "error",
    message: "a value of {length} characters was not checked against the pattern {pattern}: matching it would take more than {limit} automaton steps",
    hint: "shorten the value, or simplify the pattern (a counted repetition inside a loop, like (a{1,1000})+, keeps many states alive); qxml refuses such a value instead of running for minutes, and libxml2 gives up on it too",
  },
  "type/min-inclusive": {
    severity: "error",
    message: "value {value} is less than the minimum {limit}",
    hint: "use a value of at least {limit}",
  },
  "type/max-inclusive": {
    severity: "error",
    message: "value {value} is greater than the maximum {limit}",
    hint: "use a value of at most {limit}",
  },
  "type/min-exclusive": {
    severity: "error",
    message: "value {value} must be greater than {limit}",
    hint: "use a value greater than {limit}",
  },
  "type/max-exclusive": {
    severity: "error",
    message: "value {value} must be less than {limit}",
    hint: "use a value less than {limit}",
  },
  "type/length": {
    severity: "error",
    message: 'value "{value}" has {actual} {unit}; expected exactly {expected}',
  },
  "type/min-length": {
    severity: "error",
    message: 'value "{value}" has {actual} {unit}; expected at least {expected}',
  },
  "type/max-length": {
    severity: "error",
    message: 'value "{value}" has {actual} {unit}; expected at most {expected}',
  },
  "type/total-digits": {
    severity: "error",
    message: "value {value} has {actual} digits; expected at most {expected}",
  },
  "type/fraction-digits": {
    severity: "error",
    message: "value {value} has {actual} fraction digits; expected at most {expected}",
  },
  "type/union": {
    severity: "error",
    message: '"{value}" is not valid for any member of {type} (tried {members})',
  },
  "type/entity-undeclared": {
    severity: "error",
    message: '"{value}" is not the name of an unparsed entity declared in the document\'s DTD ({type})',
    hint: 'declare it in the document\'s DOCTYPE: <!ENTITY {value} SYSTEM "file" NDATA notation> with <!NOTATION notation SYSTEM "...">, or use the name of an unparsed entity that is declared there',
  },
  "type/list-item": {
    severity: "error",
    message: 'item {index} "{item}" of the list is not valid: {detail}',
  },
  "type/qname-prefix": {
    severity: "error",
    message: 'the prefix "{prefix}" of QName "{value}" is not bound to a namespace',
    hint: 'declare it with xmlns:{prefix}="..." or use a bound prefix',
  },
});

export type TypeCode = keyof typeof TYPE_CODES;
