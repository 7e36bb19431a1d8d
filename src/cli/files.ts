/**
 * Which files a command line names: files as given, folders searched for *.xml (skipping
 * node_modules and dot folders), and globs (`*`, `?`, `**`) expanded here so that quoting
 * them works the same in every shell. `-` is standard input (src/cli/stdin.ts), at most once.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

export class UsageError extends Error {}

/** The input `-`: standard input (a file named "-" is `./-`). */
export const STDIN_INPUT = "-";

const GLOB_CHARS = /[*?[]/;

export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        // `**/` matches any number of folders, `**` at the end anything.
        i++;
        if (glob[i + 1] === "/") {
          i++;
          re += "(?:.*/)?";
        } else re += ".*";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end === -1) re += "\\[";
      else {
        re += "[" + glob.slice(i + 1, end).replace(/\\/g, "\\\\").replace(/^!/, "^") + "]";
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** A symbolic link to a file counts as the file (links to folders are not followed: no loops). */
function isFileBehindLink(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

const isXml = (p: string) => p.toLowerCase().endsWith(".xml");

/** `matchDir`: a folder it accepts is searched for *.xml, as a folder named on the command line is. */
function walk(dir: string, out: string[], accept: (path: string) => boolean, matchDir?: (path: string) => boolean): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (matchDir?.(p)) walk(p, out, isXml);
      else walk(p, out, accept, matchDir);
    }
    else if ((e.isFile() || (e.isSymbolicLink() && isFileBehindLink(p))) && accept(p)) out.push(p);
  }
}

const toPosix = (p: string) => p.split(sep).join("/");

/** Expands the command line's inputs into file paths (as the user would write them, relative when given relative). */
export function discoverFiles(inputs: string[], cwd = process.cwd()): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (p: string) => {
    const abs = resolve(cwd, p);
    if (!seen.has(abs)) {
      seen.add(abs);
      out.push(p);
    }
  };
  for (const input of inputs) {
    if (input === STDIN_INPUT) {
      // A pipe can be read once: a second `-` would be an empty document.
      if (out.includes(STDIN_INPUT)) throw new UsageError("'-' (standard input) is named twice; it can be read only once");
      out.push(STDIN_INPUT);
      continue;
    }
    if (GLOB_CHARS.test(input)) {
      const parts = toPosix(input).split("/");
      const fixed: string[] = [];
      while (parts.length > 1 && !GLOB_CHARS.test(parts[0])) fixed.push(parts.shift()!);
      const base = fixed.join("/") || ".";
      const re = globToRegExp(parts.join("/"));
      const found: string[] = [];
      const matches = (p: string) => re.test(toPosix(relative(resolve(cwd, base), p)));
      // Like the shell's expansion: a glob that names folders ('profiles/*') means the XML in them.
      walk(resolve(cwd, base), found, matches, matches);
      if (found.length === 0) throw new UsageError(`no file matches ${input}`);
      for (const f of found) add(relative(cwd, f) || f);
      continue;
    }
    let st;
    try {
      st = statSync(resolve(cwd, input));
    } catch {
      throw new UsageError(`no such file or folder: ${input}`);
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(resolve(cwd, input), found, isXml);
      for (const f of found) add(relative(cwd, f) || f);
    } else add(input);
  }
  return out;
}
