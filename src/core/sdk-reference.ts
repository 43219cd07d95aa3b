import { callText, mismatchSentence, signatureBlock } from '../corpus/sdk-markdown.js';
import type { ApiField, ApiSymbol, SdkCorpusData, SdkSurface } from '../corpus/sdk-surface.js';
import type { ReferenceEntry } from '../corpus/types.js';
import { linkFor, mismatchesOf, surfaceOf, symbolIn } from './sdk-lookup.js';

export interface SdkAddendum {
  /** Markdown placed right under the docs' rendering of the method. */
  markdown: string;
  /** A plain sentence for the top of the answer when the docs' method is not in the SDK as written. */
  note?: string;
}

/** Read path of a symbol's own section (`sdk-api/node/adminportal/generatelink`). */
export function symbolReadPath(surface: SdkSurface, symbol: ApiSymbol): string {
  return ['sdk-api', surface.slug, ...(symbol.namespace ? [symbol.namespace] : []), symbol.name]
    .join('/')
    .toLowerCase();
}

function fieldSummary(fields: ApiField[]): string {
  return fields.map((f) => `\`${f.name}${f.optional ? '?' : ''}\``).join(', ');
}

function realBlock(symbol: ApiSymbol, surface: SdkSurface): string {
  const parts = [
    `**${surface.package} ${surface.version}** (from its type declarations):`,
    signatureBlock(symbol, surface),
  ];
  const sig = symbol.signatures.at(-1);
  for (const p of sig?.params ?? []) {
    if (p.fields?.length) parts.push(`\`${p.name}\` fields: ${fieldSummary(p.fields)}`);
  }
  if (symbol.deprecated !== undefined)
    parts.push(`**Deprecated**${symbol.deprecated ? `: ${symbol.deprecated}` : '.'}`);
  parts.push(`Details: \`${symbolReadPath(surface, symbol)}\``);
  return parts.filter(Boolean).join('\n\n');
}

/**
 * What the SDK really has for a docs js method: its exact signature under the docs' rendering, or —
 * when the docs' name does not exist in the SDK — a plain statement and the real method.
 */
export function sdkAddendum(
  sdk: SdkCorpusData | undefined,
  docPath: string,
  entry: ReferenceEntry,
): SdkAddendum | undefined {
  const link = linkFor(sdk, docPath, entry);
  if (!link) return undefined;
  const surface = surfaceOf(sdk, link.package);
  if (!surface) return undefined;
  const symbol = symbolIn(surface, link.symbol);
  if (link.status === 'exact') return symbol ? { markdown: realBlock(symbol, surface) } : undefined;
  const sentence = mismatchSentence(link, symbol, surface);
  return {
    markdown: [
      `> **Not in the SDK as written.** ${sentence}`,
      ...(symbol ? [realBlock(symbol, surface)] : []),
    ].join('\n\n'),
    note: sentence,
  };
}

/** The plain sentences for a page's docs methods that are not in the SDK as written. */
export function sdkMismatchNotes(sdk: SdkCorpusData, docPath: string): string[] {
  return mismatchesOf(sdk, docPath).flatMap((link) => {
    const surface = surfaceOf(sdk, link.package);
    return surface ? [mismatchSentence(link, symbolIn(surface, link.symbol), surface)] : [];
  });
}

export { callText };
