/**
 * import() of an optional dependency (libxml2-wasm), through one replaceable function.
 *
 * Why: the CLI bundle is compiled through V8's code cache (bin/qxml.cjs), and in Node 20 code
 * restored from that cache cannot call import() itself ("A dynamic import callback was not
 * specified"). The launcher, an ordinary module, hands in its own import() instead.
 */
export type Importer = (specifier: string) => Promise<unknown>;

let importer: Importer = (specifier) => import(specifier);

export function importExternal(specifier: string): Promise<unknown> {
  return importer(specifier);
}

export function setExternalImporter(f: Importer): void {
  importer = f;
}
