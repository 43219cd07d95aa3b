import type { DocsSdkLink, SdkCorpusData, SdkSurface } from '../../../corpus/sdk-surface.js';
import type { Doc } from '../../../corpus/types.js';
import { surfaceDocs } from '../../../corpus/api-docs.js';
import { linkDocsToSurfaces } from '../../../corpus/docs-links.js';

export interface SdkLayer {
  sdk: SdkCorpusData;
  /** The `api` docs generated from the surfaces. */
  docs: Doc[];
  /** Docs methods with no exact match in the SDK (the build's mismatch report). */
  mismatches: DocsSdkLink[];
}

/** Runs once the docs and the surfaces are both ingested: links them, then renders the `api` docs. */
export function sdkLayer(docs: Doc[], surfaces: SdkSurface[]): SdkLayer {
  const links = linkDocsToSurfaces(docs, surfaces);
  const taken = new Set(docs.map((d) => d.path));
  const apiDocs: Doc[] = [];
  for (const surface of surfaces) {
    for (const doc of surfaceDocs(surface, links)) {
      if (taken.has(doc.path)) continue;
      taken.add(doc.path);
      apiDocs.push(doc);
    }
  }
  return { sdk: { surfaces, links }, docs: apiDocs, mismatches: links.filter((l) => l.status !== 'exact') };
}
