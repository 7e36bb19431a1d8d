/** The parse/serialize module: `parseX(xml): X` and `serializeX(value): string` per root element. */
import { _, Code, join, jsdoc, lit, Name } from "./code.js";
import { childForm, type SchemaForm } from "./form.js";
import { formTable } from "./emit-table.js";
import { N, PREFIX } from "./names.js";
import { isNamespaced } from "./namespaces.js";

/** The table module: the schema's element shapes, shared by parse (arrays, typed values, serialize order) and the validators. */
export function emitTable(schema: SchemaForm, header: Code, runtime: string): Code {
  return _`${header}
import type { ${N.FormTable} } from ${runtime};

/** The schema's element shapes, by declaration: arrays and typed values for parse, order for serialize. */
export const ${N.TABLE}: ${N.FormTable} = ${lit(formTable(schema), 2)};
`;
}

export function emitParse(schema: SchemaForm, header: Code, runtime: string, typesModule: string, tableModule: string): Code {
  const roots = schema.roots.map((id) => childForm(schema, id));
  // The root's key in TABLE.globals: `{uri}local` where parse resolves namespaces.
  const rootKey = (decl: number): string => (isNamespaced(schema.model) ? schema.model.elements[decl].key : schema.model.elements[decl].name);
  const typeNames = [...new Set(roots.map((r) => r.typeName))].map((n) => new Name(n));
  const fns = roots.map((r) => {
    const t = new Name(r.typeName);
    const parse = new Name(PREFIX.parse + r.typeName);
    const serialize = new Name(PREFIX.serialize + r.typeName);
    return _`${jsdoc(`Parses a <${r.xmlName}> document into its object form (arrays, numbers and booleans as the schema says); each element object also records its child order (non-enumerable), which the validators use.`)}export function ${parse}(${N.xml}: string): ${t} {
  return ${N.parseWithTable}(${N.TABLE}, ${rootKey(r.decl)}, ${N.xml}) as ${t};
}

/** Writes the object form back as XML, children in schema order. */
export function ${serialize}(${N.value}: ${t}, ${N.options}?: ${N.SerializeOptions}): string {
  return ${N.serializeWithTable}(${N.TABLE}, ${rootKey(r.decl)}, ${N.value}, ${N.options});
}`;
  });
  if (roots.length === 0) {
    return _`${header}
// The schema declares no global element: no document can have a root it declares, so there is no parse or serialize.
export {};
`;
  }
  return _`${header}
import { ${N.parseWithTable}, ${N.serializeWithTable}, type ${N.SerializeOptions} } from ${runtime};
import type { ${join(typeNames)} } from ${typesModule};
import { ${N.TABLE} } from ${tableModule};

${join(fns, "\n\n")}
`;
}
