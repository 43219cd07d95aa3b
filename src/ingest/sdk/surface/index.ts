export { buildSurface, buildSurfaceFromFiles, type SurfaceMeta } from './build-surface.js';
export { declarationEntries, type DeclarationEntry } from './entries.js';
export { filesFromDir, filesFromMap, isSurfaceFile, type PackageFiles } from './package-files.js';
export { sdkLayer, type SdkLayer } from './layer.js';
export { apiDocPath, apiSymbolPath, API_DOC_ROOT } from '../../../corpus/api-docs.js';
export { linkDocsToSurfaces, parseDocsTitle, words } from '../../../corpus/docs-links.js';
export { buildSurfaceFromTarball } from './from-tarball.js';
