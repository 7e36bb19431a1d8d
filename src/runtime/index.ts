/**
 * "qxml/runtime": what generated code (generated/<schema>/*.ts, `qxml generate` output) imports.
 * The object-form helpers live in generators/runtime; the XSD datatypes (facets, regex) in
 * src/validate/datatypes.
 */
export * from "../../generators/runtime/index.js";
export * from "../validate/datatypes/index.js";
