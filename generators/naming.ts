/**
 * Names of generated types, shared by every generator: XML names to PascalCase
 * (OPTION_PROFILES → OptionProfiles, AUTH_ORACLE → AuthOracle, ServiceRequest → ServiceRequest),
 * made unique within one generated module.
 */
import { isSafeIdentifier } from "./code.js";
import { PREFIX, TAKEN } from "./names.js";

const FUNCTION_PREFIXES = [PREFIX.check, PREFIX.validate, PREFIX.parse, PREFIX.serialize, PREFIX.is];

function capitalise(part: string): string {
  const mixed = /[a-z]/.test(part) && /[A-Z]/.test(part);
  // A camelCase word keeps its inner capitals; an all-caps or all-lower word is title-cased.
  const rest = mixed ? part.slice(1) : part.slice(1).toLowerCase();
  return part.charAt(0).toUpperCase() + rest;
}

export function pascalCase(xmlName: string): string {
  const parts = xmlName.split(/[^A-Za-z0-9]+/).filter((p) => p !== "");
  let s = parts.map(capitalise).join("");
  if (s === "" || /^[0-9]/.test(s)) s = `X${s}`;
  return s;
}

/** Hands out type names, each once; a taken name gets a context prefix, then a number. */
export class NameAllocator {
  private readonly used = new Set<string>(TAKEN);

  claim(preferred: string, contextPrefix?: string): string {
    const candidates = [preferred];
    if (contextPrefix !== undefined && contextPrefix !== "") candidates.push(contextPrefix + preferred);
    for (const c of candidates) {
      if (this.free(c)) return this.take(c);
    }
    const base = candidates[candidates.length - 1];
    for (let i = 2; ; i++) {
      if (this.free(`${base}${i}`)) return this.take(`${base}${i}`);
    }
  }

  private free(name: string): boolean {
    if (!isSafeIdentifier(name) || this.used.has(name) || this.used.has(`${name}${PREFIX.values}`)) return false;
    // The functions named after the type must not shadow a fixed identifier either.
    return FUNCTION_PREFIXES.every((p) => !TAKEN.has(p + name));
  }

  private take(name: string): string {
    this.used.add(name);
    return name;
  }
}
