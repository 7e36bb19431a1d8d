/**
 * A readable view of a schema model: each element with its content model in DTD-like notation,
 * its attributes and facets, and whether the declaration is stated by the schema text or was
 * inferred (bundled schemas mark reconstructed declarations with a `qxml:inferred` comment).
 */
import type { AttributeDecl, ElementDecl, SchemaModel } from "./model.js";
import { contentNotation, simpleTypeNotation } from "./notation.js";

export interface AttributeView {
  name: string;
  type: string;
  use: AttributeDecl["use"];
  default?: string;
  fixed?: string;
  inferred: boolean;
  note?: string;
}

export interface ElementView {
  name: string;
  namespace: string | null;
  global: boolean;
  content: string;
  attributes: AttributeView[];
  inferred: boolean;
  note?: string;
  doc?: string;
  location: string;
}

export interface SchemaView {
  kind: SchemaModel["kind"];
  source: string;
  targetNamespace: string | null;
  elements: ElementView[];
  unsupported: { feature: string; detail?: string; location: string }[];
}

function attributeView(model: SchemaModel, a: AttributeDecl): AttributeView {
  const type = a.dtdType !== undefined && a.dtdType !== "enumeration" && a.dtdType !== "NOTATION" ? a.dtdType : simpleTypeNotation(model, a.type);
  return {
    name: a.name,
    type,
    use: a.use,
    ...(a.default !== undefined ? { default: a.default } : {}),
    ...(a.fixed !== undefined ? { fixed: a.fixed } : {}),
    inferred: a.provenance?.inferred ?? false,
    ...(a.provenance?.note !== undefined ? { note: a.provenance.note } : {}),
  };
}

function elementView(model: SchemaModel, el: ElementDecl): ElementView {
  let content: string;
  let attributes: AttributeView[] = [];
  // A declaration is as inferred as the type that gives it its content (XSD marks types).
  let provenance = el.provenance;
  if (el.type.kind === "simple") content = `(#PCDATA) : ${simpleTypeNotation(model, el.type.id)}`;
  else {
    const t = model.complexTypes[el.type.id];
    content = contentNotation(model, t.content);
    if (t.name !== undefined) content += `   [type ${t.name}]`;
    attributes = t.attributes.map((a) => attributeView(model, a));
    if (!provenance?.inferred && t.provenance?.inferred) provenance = t.provenance;
  }
  return {
    name: el.name,
    namespace: el.namespace,
    global: el.global,
    content,
    attributes,
    inferred: provenance?.inferred ?? false,
    ...(provenance?.note !== undefined ? { note: provenance.note } : {}),
    ...(el.doc !== undefined ? { doc: el.doc } : {}),
    location: `${el.location.file}:${el.location.line}:${el.location.column}`,
  };
}

export function describeSchema(model: SchemaModel): SchemaView {
  return {
    kind: model.kind,
    source: model.source,
    targetNamespace: model.targetNamespace,
    elements: model.elements.map((e) => elementView(model, e)),
    unsupported: model.unsupported.map((u) => ({
      feature: u.feature,
      ...(u.detail !== undefined ? { detail: u.detail } : {}),
      location: `${u.location.file}:${u.location.line}:${u.location.column}`,
    })),
  };
}

/** The reason of a `qxml:inferred …` marker comment, without the marker itself. */
function inferredReason(note: string | undefined): string {
  return (note ?? "").replace(/^\s*qxml:inferred\s*/, "").trim();
}

/** `shownSource` turns the model's absolute source path into what the user should read (e.g. relative). */
export function formatSchemaView(view: SchemaView, shownSource: (file: string) => string = (f) => f): string {
  const out: string[] = [];
  out.push(`${view.kind.toUpperCase()} ${shownSource(view.source)}${view.targetNamespace ? `  targetNamespace ${view.targetNamespace}` : ""}`);
  const inferred = view.elements.filter((e) => e.inferred).length + view.elements.reduce((n, e) => n + e.attributes.filter((a) => a.inferred).length, 0);
  out.push(`${view.elements.length} element declarations; ${inferred} inferred declarations (marked "inferred")`);
  out.push("");
  for (const e of view.elements) {
    const scope = e.global ? "" : " (local)";
    out.push(`<!ELEMENT ${e.name} ${e.content}>${scope}${e.inferred ? `   inferred: ${inferredReason(e.note)}` : ""}`);
    for (const a of e.attributes) {
      const dflt = a.fixed !== undefined ? `#FIXED "${a.fixed}"` : a.default !== undefined ? `"${a.default}"` : a.use === "required" ? "#REQUIRED" : "#IMPLIED";
      out.push(`    @${a.name} ${a.type} ${dflt}${a.inferred ? `   inferred: ${inferredReason(a.note)}` : ""}`);
    }
  }
  for (const u of view.unsupported) out.push(`unsupported: ${u.feature}${u.detail ? ` (${u.detail})` : ""} at ${u.location}`);
  return out.join("\n") + "\n";
}
