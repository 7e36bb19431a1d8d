/** A parsed XSD regex as JavaScript source (the body; translate.ts anchors it). */
import type { RegexNode } from "./parse.js";

function quantifier(min: number, max: number | null): string {
  if (min === 0 && max === 1) return "?";
  if (min === 0 && max === null) return "*";
  if (min === 1 && max === null) return "+";
  if (max === null) return `{${min},}`;
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

export function emitJs(node: RegexNode): string {
  switch (node.kind) {
    case "set":
      return node.source;
    case "seq":
      return node.items.map(emitJs).join("");
    case "alt":
      return node.branches.map(emitJs).join("|");
    case "group":
      return `(?:${emitJs(node.node)})`;
    case "repeat": {
      // A set is a single JS atom; anything else is a group already, or becomes one.
      const inner = node.node.kind === "set" || node.node.kind === "group" ? emitJs(node.node) : `(?:${emitJs(node.node)})`;
      return inner + quantifier(node.min, node.max);
    }
  }
}
