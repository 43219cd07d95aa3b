export { diffSurfaces } from './diff.js';
export { nameSimilarity, nameTokens } from './similarity.js';
export type { Deprecation, DiffSurface, DiffSymbol, OptionChange, Rename, SurfaceDiff } from './types.js';
