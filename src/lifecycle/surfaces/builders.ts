import type { SdkSurface } from '../../corpus/sdk-surface.js';
import { buildSurface, buildSurfaceFromFiles, isSurfaceFile } from '../../ingest/sdk/surface/index.js';
import { readTarballFiles } from '../../ingest/sdk/tarball.js';
import type { SurfaceBuilders } from './version-surfaces.js';

/** The same declaration reader the build uses for the pinned SDKs, over a tarball or an installed folder. */
export const sdkSurfaceBuilders: SurfaceBuilders<SdkSurface> = {
  async fromTarball(bytes, meta) {
    const files = await readTarballFiles(bytes, ['package.json'], isSurfaceFile);
    return buildSurfaceFromFiles(files, meta);
  },
  fromDir: (dir, meta) => buildSurface(dir, meta),
};
