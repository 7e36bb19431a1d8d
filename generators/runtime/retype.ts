/**
 * The object form of an element as parse would have built it for declaration `node`, from the form
 * it was actually built for (another declaration, or none: an element parse did not expect).
 * Validators need this after error recovery, when the validation engine checks an element against
 * a declaration other than its place's (a misspelt child is checked as the one meant; a misplaced
 * one against its global declaration; children of DTD ANY against theirs). Iterative.
 */
import { recordedOrder, setOrder } from "./order.js";
import { ATTR_PREFIX, TEXT_KEY, type FormNode, type FormTable } from "./table.js";
import { applyWs, fromLexical, toLexical } from "./values.js";

const BLANK = /^[ \t\r\n]*$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Text of an element of kind `info`, as parse's value processor gives it. */
function typedText(info: FormNode, v: unknown): unknown {
  if (info.shape === "value" || (info.shape === "object" && !info.mixed && info.text !== undefined)) return fromLexical(info.text, applyWs(info.textWs, toLexical(v)));
  return v;
}

export function retype(table: FormTable, node: number, value: unknown): unknown {
  let result: unknown;
  const stack: [number, unknown, (x: unknown) => void][] = [[node, value, (x) => (result = x)]];
  while (stack.length > 0) {
    const [n, v, put] = stack.pop()!;
    const info = table.nodes[n];
    if (info.shape === "any" || Array.isArray(v) || v === null || v === undefined) {
      put(v);
      continue;
    }
    if (!isRecord(v)) {
      // A bare value: "" for no content, else its text.
      if (info.shape !== "object") put(v === "" ? "" : typedText(info, v));
      else if (v === "" || (info.text === undefined && BLANK.test(toLexical(v)))) {
        const obj = {};
        setOrder(obj, []);
        put(obj);
      } else {
        const obj = { [TEXT_KEY]: typedText(info, v) };
        setOrder(obj, info.text === undefined ? ["#" + toLexical(v)] : []);
        put(obj);
      }
      continue;
    }
    const obj: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k.startsWith(ATTR_PREFIX)) {
        const a = k.slice(ATTR_PREFIX.length);
        obj[k] = fromLexical(info.attrs?.[a], applyWs(info.attrWs?.[a], toLexical(x)));
      } else if (k === TEXT_KEY) {
        if (info.text !== undefined || !BLANK.test(toLexical(x))) obj[k] = typedText(info, x);
      } else {
        const child = info.children?.[k];
        if (child === undefined) obj[k] = x;
        else if (Array.isArray(x)) {
          const arr: unknown[] = [];
          obj[k] = arr;
          for (const item of x) {
            const at = arr.length;
            arr.push(undefined);
            stack.push([child[0], item, (y) => (arr[at] = y)]);
          }
        } else if (child[1]) {
          const arr: unknown[] = [undefined];
          obj[k] = arr;
          stack.push([child[0], x, (y) => (arr[0] = y)]);
        } else stack.push([child[0], x, (y) => (obj[k] = y)]);
      }
    }
    const order = recordedOrder(v);
    if (order !== undefined) setOrder(obj, order);
    put(obj);
  }
  return result;
}
