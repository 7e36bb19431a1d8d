/**
 * The restricted XPath of XSD 1.0 identity constraints (§3.11.6), parsed into linear paths:
 *
 *   Selector ::= Path ( '|' Path )*        Path ::= ('.//')? Step ( '/' Step )*
 *   Field    ::= Path ( '|' Path )*        Path ::= ('.//')? ( Step '/' )* ( Step | '@' NameTest )
 *   Step     ::= '.' | ('child::')? NameTest        NameTest ::= QName | '*' | NCName ':' '*'
 *
 * ('attribute::' may stand for '@'; white space may separate tokens.) '.' steps select the same
 * node, so they are dropped: a path is "descendant?", then element name tests, then for a field
 * an optional attribute test. Both the XSD reader (syntax check) and the validator use this.
 */

/** `uri` "*" = any namespace ("*"); `local` "*" = any name ("*" or "p:*"). */
export interface NameTest {
  uri: string | null;
  local: string;
  anyNamespace: boolean;
}

export interface IdentityPath {
  /** Starts with `.//`: the steps may start at any depth below the context node. */
  descendant: boolean;
  steps: NameTest[];
  /** Field paths only: the attribute the path ends in. */
  attribute?: NameTest;
}

export type ParsedIdentityPath = { ok: true; paths: IdentityPath[] } | { ok: false; problem: string };

/** Parses a selector or field; `resolve` maps a prefix to its namespace URI (undefined: unbound). */
export function parseIdentityPath(text: string, kind: "selector" | "field", resolve: (prefix: string) => string | undefined): ParsedIdentityPath {
  const p = new PathParser(text, kind, resolve);
  try {
    return { ok: true, paths: p.parse() };
  } catch (e) {
    if (e instanceof PathError) return { ok: false, problem: e.message };
    throw e;
  }
}

class PathError extends Error {}

const NAME_START = /[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
const NAME_CHAR = /[-.0-9\u00B7\u0300-\u036F\u203F-\u2040A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;

class PathParser {
  private i = 0;

  constructor(
    private readonly s: string,
    private readonly kind: "selector" | "field",
    private readonly resolve: (prefix: string) => string | undefined,
  ) {}

  parse(): IdentityPath[] {
    const paths: IdentityPath[] = [];
    for (;;) {
      paths.push(this.path());
      this.ws();
      if (this.i >= this.s.length) return paths;
      if (this.s[this.i] !== "|") this.fail(`expected "|" or the end`);
      this.i++;
    }
  }

  private path(): IdentityPath {
    const out: IdentityPath = { descendant: false, steps: [] };
    this.ws();
    if (this.s.startsWith(".", this.i) && this.peekAfterDot() === "//") {
      this.i++;
      this.ws();
      this.i += 2;
      out.descendant = true;
    }
    for (;;) {
      this.ws();
      if (this.atAttribute()) {
        if (this.kind === "selector") this.fail("a selector cannot select attributes");
        out.attribute = this.nameTest();
        this.ws();
        if (this.i < this.s.length && this.s[this.i] !== "|") this.fail("an attribute step must be the last step");
        return out;
      }
      if (this.s[this.i] === ".") {
        this.i++;
        if (this.s[this.i] === ".") this.fail('".." (the parent) is not in the subset');
      } else {
        this.eat("child::");
        out.steps.push(this.nameTest());
      }
      this.ws();
      if (this.s[this.i] !== "/") return out;
      if (this.s[this.i + 1] === "/") this.fail('"//" is only allowed at the start, as ".//"');
      this.i++;
    }
  }

  /** After '.', skipping white space: the next two characters. */
  private peekAfterDot(): string {
    let j = this.i + 1;
    while (j < this.s.length && /\s/.test(this.s[j])) j++;
    return this.s.slice(j, j + 2);
  }

  private atAttribute(): boolean {
    if (this.s[this.i] === "@") {
      this.i++;
      this.ws();
      return true;
    }
    if (this.s.startsWith("attribute::", this.i)) {
      this.i += "attribute::".length;
      return true;
    }
    return false;
  }

  private eat(token: string): void {
    if (this.s.startsWith(token, this.i)) this.i += token.length;
  }

  private nameTest(): NameTest {
    if (this.s[this.i] === "*") {
      this.i++;
      return { uri: null, local: "*", anyNamespace: true };
    }
    const first = this.ncname();
    if (this.s[this.i] !== ":") return { uri: null, local: first, anyNamespace: false };
    this.i++;
    const uri = this.resolve(first);
    if (uri === undefined) this.fail(`the prefix "${first}" is not bound to a namespace`);
    if (this.s[this.i] === "*") {
      this.i++;
      return { uri: uri!, local: "*", anyNamespace: false };
    }
    return { uri: uri!, local: this.ncname(), anyNamespace: false };
  }

  private ncname(): string {
    const start = this.i;
    if (this.i >= this.s.length || !NAME_START.test(this.s[this.i])) this.fail("expected a name, \"*\" or \".\"");
    this.i++;
    while (this.i < this.s.length && NAME_CHAR.test(this.s[this.i])) this.i++;
    return this.s.slice(start, this.i);
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private fail(problem: string): never {
    const found = this.i >= this.s.length ? "the end" : `"${this.s[this.i]}"`;
    throw new PathError(`${problem} at position ${this.i + 1} (found ${found})`);
  }
}

/** Whether element {uri}local passes a name test. */
export function nameTestMatches(t: NameTest, uri: string | null, local: string): boolean {
  if (t.anyNamespace) return true;
  return t.uri === uri && (t.local === "*" || t.local === local);
}
