import type { ReferenceLanguage } from '../../corpus/types.js';

export type CheckStatus = 'ok' | 'unknown' | 'bad-option' | 'deprecated';

export interface CheckedCall {
  /** The call (or import) as written, shortened. */
  code: string;
  line: number;
  status: CheckStatus;
  message: string;
  /** The closest real name: `adminPortal.generateLink`, `redirectUri`. */
  suggestion?: string;
  /** A path to read with the docs reader for the real thing. */
  doc?: string;
}

export interface CheckResult {
  /** The SDK package checked against (or the docs' language for docs-based checks). */
  package: string;
  version: string;
  language: ReferenceLanguage;
  /** `declarations`: the SDK's own types; `docs-reference`: method names from the docs' reference for that language. */
  basis: 'declarations' | 'docs-reference';
  calls: CheckedCall[];
  /** Part of the input could not be read (syntax errors, cut at the size cap). */
  partial: boolean;
  notes: string[];
}
