/** The whiteSpace facet (XSD Part 2 §4.3.6): preserve, replace (TAB/LF/CR → space), collapse. */
import type { WhiteSpace } from "../../schema/model.js";

export function applyWhiteSpace(value: string, ws: WhiteSpace): string {
  if (ws === "preserve") return value;
  const replaced = value.replace(/[\t\n\r]/g, " ");
  if (ws === "replace") return replaced;
  return replaced.replace(/ {2,}/g, " ").replace(/^ | $/g, "");
}
