/** DTD → schema model. */
export { dtdToModel } from "./to-model.js";
export { readDtdSchema, modelNotes, type DtdSchemaResult, type ReadDtdSchemaOptions } from "./read.js";
