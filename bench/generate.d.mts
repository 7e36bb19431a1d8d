/** Types of bench/generate.mjs, for the test that checks the generated inputs are valid. */
export function writePolicyExport(path: string, targetBytes: number, seed?: number): { bytes: number; controls: number };
export function writeControlList(path: string, targetBytes: number, seed?: number): { bytes: number; controls: number };
export function writeOptionProfiles(path: string, fixture: string, targetBytes: number): { bytes: number; profiles: number };
