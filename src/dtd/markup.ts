/** Comments, processing instructions and ignored conditional sections inside a DTD. */
import type { Scanner } from "./scanner.js";
import { isWhite } from "./chars.js";

/** After '<!--': returns the comment text. '--' may not occur inside (XML 1.0 §2.5). */
export function readComment(s: Scanner): string {
  const at = s.where();
  const text = s.cur.text;
  const start = s.cur.pos + 4;
  const dd = text.indexOf("--", start);
  if (dd < 0) s.fatal("dtd/unterminated", { construct: "the comment", expected: "'-->'" }, at);
  if (text.charCodeAt(dd + 2) !== 0x3e) {
    s.cur.pos = dd;
    s.syntax("'-->' ('--' may not occur inside a comment)", "in the comment");
  }
  s.cur.pos = dd + 3;
  return text.slice(start, dd);
}

/** After '<?': skips the PI. */
export function skipPI(s: Scanner): void {
  const at = s.where();
  s.advance(2);
  const target = s.readName("a processing instruction target", "after '<?'");
  if (target.toLowerCase() === "xml") s.fatal("dtd/reserved-pi", { target }, at);
  (s.doc.piTargets ??= []).push({ target, location: at });
  const text = s.cur.text;
  const end = text.indexOf("?>", s.cur.pos);
  if (end < 0) s.fatal("dtd/unterminated", { construct: `the processing instruction <?${target}`, expected: "'?>'" }, at);
  if (end > s.cur.pos && !isWhite(s.peek())) s.syntax("whitespace or '?>' after the target", `in <?${target}`);
  s.cur.pos = end + 2;
}

/** After '<![IGNORE[': skips to the matching ']]>', counting nested '<!['. */
export function skipIgnoreSection(s: Scanner): void {
  const at = s.where();
  const text = s.cur.text;
  let depth = 1;
  let i = s.cur.pos;
  while (depth > 0) {
    const open = text.indexOf("<![", i);
    const close = text.indexOf("]]>", i);
    if (close < 0) s.fatal("dtd/unterminated", { construct: "the IGNORE section", expected: "']]>'" }, at);
    if (open >= 0 && open < close) {
      depth++;
      i = open + 3;
    } else {
      depth--;
      i = close + 3;
    }
  }
  s.cur.pos = i;
}
