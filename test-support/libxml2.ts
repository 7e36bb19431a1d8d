/**
 * libxml2 for tests: the reference engine (src/engines/libxml2.ts), loaded once per test process,
 * and the comparisons the differential tests make. Tests import from here rather than from
 * libxml2-wasm, so every test reads files the way `qxml validate --engine libxml2` does.
 */
import { Libxml2Engine } from "../src/engines/libxml2.js";

export { Libxml2Engine, validateWithLibxml2, validateFileWithLibxml2 } from "../src/engines/libxml2.js";
export type { EngineResult, Libxml2Options, Libxml2Schema, PreparedLibxml2Schema } from "../src/engines/libxml2.js";
export { inside, normalizePath } from "./element-path.js";

let engine: Promise<Libxml2Engine> | null = null;

/** The process's libxml2 engine (libxml2-wasm keeps one heap per process anyway). */
export function libxml2(): Promise<Libxml2Engine> {
  engine ??= Libxml2Engine.load();
  return engine;
}
