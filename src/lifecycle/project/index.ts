export { MAX_ROOTS, rootFromUri, scanRoots, type RootInput } from './detect.js';
export { LOCKFILE_MAX_BYTES, MANIFEST_MAX_BYTES, SCAN_MAX_BYTES } from './root-reader.js';
export type { Ecosystem, ProjectNote, ProjectPackage, ProjectScan, RootReport } from './types.js';
