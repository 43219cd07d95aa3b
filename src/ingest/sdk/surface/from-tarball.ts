import type { SdkSurface } from '../../../corpus/sdk-surface.js';
import { readTarballFiles } from '../tarball.js';
import { buildSurfaceFromFiles, type SurfaceMeta } from './build-surface.js';
import { isSurfaceFile } from './package-files.js';

/** The surface of a package tarball (already integrity-checked by the caller), read in memory. */
export async function buildSurfaceFromTarball(bytes: Buffer, meta: SurfaceMeta): Promise<SdkSurface> {
  const files = await readTarballFiles(bytes, ['package.json'], isSurfaceFile);
  return buildSurfaceFromFiles(files, meta);
}
