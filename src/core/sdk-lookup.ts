import type { ApiSymbol, DocsSdkLink, SdkCorpusData, SdkSurface } from '../corpus/sdk-surface.js';
import type { ReferenceEntry } from '../corpus/types.js';

/** Read-only look-ups over the corpus's SDK data; every answer that mentions the real SDK goes through here. */
export function surfaceOf(sdk: SdkCorpusData | undefined, pkg: string): SdkSurface | undefined {
  return sdk?.surfaces.find((s) => s.package === pkg);
}

export function symbolIn(
  surface: SdkSurface | undefined,
  qualifiedName: string | undefined,
): ApiSymbol | undefined {
  if (!surface || !qualifiedName) return undefined;
  return surface.symbols.find((s) => s.qualifiedName === qualifiedName);
}

export function linkFor(
  sdk: SdkCorpusData | undefined,
  docPath: string,
  entry: ReferenceEntry,
): DocsSdkLink | undefined {
  if (!sdk || entry.language !== 'js') return undefined;
  return sdk.links.find(
    (l) => l.docPath === docPath && l.entryId === entry.id && l.docsTitle === entry.title,
  );
}

/** Links of a page whose docs method is not in the SDK as written. */
export function mismatchesOf(sdk: SdkCorpusData | undefined, docPath: string): DocsSdkLink[] {
  return sdk ? sdk.links.filter((l) => l.docPath === docPath && l.status !== 'exact') : [];
}

/** The client surface (the one with `new WorkOS()`), which the docs' namespaced methods are checked against. */
export function clientSurface(sdk: SdkCorpusData | undefined): SdkSurface | undefined {
  return sdk?.surfaces.find((s) => s.client);
}
