/** Diagnostics of the tool itself: finding files and schemas. */
import { defineCodes } from "../diagnostics/codes.js";

export const pipelineCodes = defineCodes({
  "qxml/no-schema": {
    severity: "error",
    message: "no schema found for <{root}>: {reason}",
    hint: "map the file to a schema in qxml.config.json (\"schemas\": [{\"files\": \"...\", \"schema\": \"<name|path>\"}]; names: `qxml schema list`), add a DOCTYPE that names the DTD, or, with qxml validate, pass --schema <name|path>",
  },
  "qxml/unreadable-file": {
    severity: "error",
    message: "cannot read {file}: {reason}",
  },
  "qxml/schema-error": {
    severity: "error",
    message: "schema {schema} could not be used: {reason}",
    hint: "run `qxml schema show {schema}` to see the schema's own errors",
  },
  "qxml/unknown-doctype": {
    severity: "error",
    message: "the DOCTYPE names \"{systemId}\", a DTD qxml does not bundle and no catalog entry maps (qxml never fetches URLs)",
    hint: "save the DTD locally once and map this URL to it in qxml.config.json (\"catalog\": [{\"name\": \"...\", \"file\": \"<saved .dtd>\", \"systemIds\": [\"{systemId}\"]}]), or map the file to a schema there (\"schemas\"); with qxml validate, --schema <name|path> does that for one run",
  },
  "qxml/doctype-not-found": {
    severity: "error",
    message: "the DOCTYPE names \"{systemId}\", but there is no such file ({path})",
    hint: "correct the DOCTYPE's system identifier or put the DTD there; or map the file to a schema in qxml.config.json (\"schemas\"), or, with qxml validate, pass --schema <name|path>",
  },
  "qxml/doctype-outside-folder": {
    severity: "error",
    message: "the DOCTYPE names \"{systemId}\" ({path}), outside the document's folder: qxml reads a DTD only from there or through the catalog",
    hint: "add a catalog entry in qxml.config.json (\"catalog\": [{\"name\": \"...\", \"file\": \"{path}\", \"systemIds\": [\"{systemId}\"]}]), or, with qxml validate, pass --schema {path}",
  },
});
