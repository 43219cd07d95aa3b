export { buildSurface, buildSurfaceFromFiles, type SurfaceMeta } from './build-surface.js';
export { declarationEntries, type DeclarationEntry } from './entries.js';
export { filesFromDir, filesFromMap, isSurfaceFile, type PackageFiles } from './package-files.js';
