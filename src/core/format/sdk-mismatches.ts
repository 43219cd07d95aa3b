import type { DocsSdkLink } from '../../corpus/sdk-surface.js';

/** One line per docs method without an exact SDK match: `portal.generateLink() → adminPortal.generateLink`. */
export function mismatchLines(mismatches: DocsSdkLink[]): string[] {
  return mismatches.map((l) => {
    const to = l.symbol
      ? `${l.symbol}${l.alternatives?.length ? ` (or ${l.alternatives.join(', ')})` : ''}`
      : 'none';
    return `${l.docsTitle} → ${to}  [${l.docPath}]`;
  });
}

/** The heading line of the report: counts and the package it was checked against. */
export function mismatchHeadline(mismatches: DocsSdkLink[], methods: number, against: string[]): string {
  return `Docs js methods without an exact SDK match: ${mismatches.length} of ${methods} (checked against ${against.join(', ')})`;
}
