export {
  httpVersionLookup,
  npmViewVersion,
  NoSuchVersionError,
  type VersionLookup,
} from './registry-version.js';
export {
  DEFAULT_FETCH_TIMEOUT_MS,
  fetchingAllowed,
  VersionSurfaces,
  type SurfaceBuilders,
  type SurfaceFailure,
  type SurfaceOrigin,
  type SurfaceResult,
  type VersionSurfacesOptions,
} from './version-surfaces.js';
