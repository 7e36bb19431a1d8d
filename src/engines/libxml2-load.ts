/**
 * Loads libxml2-wasm, a dev dependency: qxml itself runs without it, so it is imported on demand
 * and a missing install becomes a clear error instead of a crash at startup.
 */
import { importExternal } from "../external-import.js";

export type Libxml2Module = typeof import("libxml2-wasm");

export class Libxml2UnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`the libxml2 reference engine needs the dev dependency libxml2-wasm: ${reason}`);
  }
}

let loading: Promise<Libxml2Module> | null = null;

export function loadLibxml2Module(): Promise<Libxml2Module> {
  // One module instance per process: the wasm heap and its input callbacks are process-wide.
  loading ??= (importExternal("libxml2-wasm") as Promise<Libxml2Module>).catch((e: unknown) => {
    loading = null;
    throw new Libxml2UnavailableError(e instanceof Error ? e.message : String(e));
  });
  return loading;
}
