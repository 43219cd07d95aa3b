import type { ApiSymbol, SdkCorpusData, SdkSurface } from '../../corpus/sdk-surface.js';
import type { ReferenceLanguage } from '../../corpus/types.js';
import { loadTypeScriptSync } from '../../seams/typescript.js';
import { InvalidArgumentError } from '../errors.js';
import { normalizeLanguage } from '../language.js';
import type { Runtime } from '../runtime.js';
import { symbolReadPath } from '../sdk-reference.js';
import { analyzeDocsBased } from './analyze-docs.js';
import { analyzeJs } from './analyze-js.js';
import type { CheckResult } from './types.js';

export type { CheckedCall, CheckResult, CheckStatus } from './types.js';
export { analyzeJs, type JsAnalysis, type JsCheckContext } from './analyze-js.js';

export interface CheckInput {
  code: string;
  /** js/ts/node (default, or guessed), python, ruby, go, java, php, dotnet. */
  language?: string;
  /** Check against this package only (`@workos-inc/node`). */
  package?: string;
  /** The version the code targets; the check says when it can only use another one. */
  version?: string;
}

export interface CheckOptions {
  /** SDK data to check against instead of the corpus's (the project's versions, or the one asked for). */
  sdk?: SdkCorpusData;
  /** Which version this is and why (the project's, or why not), said first in the answer. */
  notes?: string[];
}

/** Largest snippet read: a file or two of code. Past it the answer asks for the relevant part instead. */
export const MAX_CHECK_CHARS = 100_000;
/** Real code nests a few dozen levels; far past this is generated or hostile input. */
const MAX_NESTING = 256;
/** More than this share of control characters is not source code. */
const MAX_BINARY_RATIO = 0.02;

/**
 * The check: every WorkOS SDK use a snippet makes, checked against the SDK's type declarations
 * (JS/TS) or the docs' reference (other languages). The code is parsed, never run; the parser is
 * linear in the input, which is capped, so the work per call is bounded.
 */
export function checkCode(runtime: Runtime, input: CheckInput, options: CheckOptions = {}): CheckResult {
  const code = validate(input.code);
  const language = pickLanguage(input.language, code);
  const notes: string[] = [];
  const sdk = options.sdk ?? runtime.corpus.sdk;
  let surfaces = sdk?.surfaces ?? [];
  if (input.package) {
    const pkg = input.package.trim();
    surfaces = surfaces.filter((s) => s.package === pkg);
    if (surfaces.length === 0 && language === 'js') {
      const known = (sdk?.surfaces ?? []).map((s) => s.package);
      throw new InvalidArgumentError(
        'package',
        `No API surface for "${pkg.slice(0, 80)}". Known packages: ${known.join(', ') || 'none (corpus built without SDKs)'}.`,
      );
    }
  }

  if (language !== 'js') {
    const calls = analyzeDocsBased(code, language, runtime.corpus.docs);
    notes.push(
      `Docs-based check: ${language} method names were matched against the docs' ${language} API reference; the ${language} SDK's own declarations are not available here.`,
    );
    if (calls.length === 0)
      notes.push(
        `No WorkOS SDK calls recognised (receivers must be namespaces the docs use, like \`workos.sso\`).`,
      );
    return {
      package: `workos-${language}`,
      version: 'docs',
      language,
      basis: 'docs-reference',
      calls,
      partial: false,
      notes,
    };
  }

  // Which version the check is for comes first (JS only: other languages are checked against the docs).
  notes.push(...(options.notes ?? []));
  if (surfaces.length === 0)
    notes.push('This corpus carries no SDK API surface (built without SDKs): nothing to check against.');
  const ts = loadTypeScriptSync();
  let analysis;
  try {
    analysis = analyzeJs(ts, code, {
      surfaces,
      links: sdk?.links,
      readPath: (surface, symbol, ns) => readPath(surface, symbol, ns),
    });
  } catch (err) {
    // Deep expression chains (`a+a+a+…`) recurse too; the answer is a refusal, never a crash.
    if (err instanceof RangeError)
      throw new InvalidArgumentError(
        'code',
        'code is too deeply nested to read; pass the part that uses the WorkOS SDK.',
      );
    throw err;
  }
  const primary = analysis.used[0] ?? surfaces.find((s) => s.client) ?? surfaces[0];
  const asked = input.version?.trim().replace(/^v/, '');
  if (asked && primary && asked !== primary.version && !notes.some((n) => n.includes(asked.slice(0, 40)))) {
    notes.push(
      `Checked against ${primary.package} ${primary.version} (the version this server has); you asked about ${asked.slice(0, 40)}.`,
    );
  }
  if (analysis.used.length > 1)
    notes.push(`Packages used: ${analysis.used.map((s) => `${s.package} ${s.version}`).join(', ')}.`);
  const partial = analysis.syntaxErrors.length > 0;
  if (partial) {
    const first = analysis.syntaxErrors[0];
    notes.push(
      `Partial: ${analysis.syntaxErrors.length} syntax error${analysis.syntaxErrors.length === 1 ? '' : 's'} (first at line ${first.line}: ${first.message}); what parsed was checked.${analysis.calls.length === 0 ? ' If this is not JavaScript/TypeScript, pass `language`.' : ''}`,
    );
  }
  if (analysis.calls.length === 0 && !partial)
    notes.push(
      'No WorkOS SDK use found (imports from @workos-inc/* or @workos/*, or calls on a WorkOS client).',
    );
  return {
    package: primary?.package ?? '',
    version: primary?.version ?? '',
    language,
    basis: 'declarations',
    calls: analysis.calls,
    partial,
    notes,
  };
}

function readPath(surface: SdkSurface, symbol: ApiSymbol | undefined, ns?: string): string {
  if (symbol) return symbolReadPath(surface, symbol);
  return ['sdk-api', surface.slug, ...(ns ? [ns] : [])].join('/').toLowerCase();
}

function validate(code: unknown): string {
  if (typeof code !== 'string' || code.trim() === '') {
    throw new InvalidArgumentError(
      'code',
      'Pass the code to check as `code` (a JavaScript/TypeScript snippet, or another language with `language`).',
    );
  }
  if (code.length > MAX_CHECK_CHARS) {
    throw new InvalidArgumentError(
      'code',
      `code is ${Math.round(code.length / 1000)} KB; the check reads up to ${MAX_CHECK_CHARS / 1000} KB. Pass only the part that uses the WorkOS SDK.`,
    );
  }
  let control = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  if (code.includes('\0') || control / code.length > MAX_BINARY_RATIO) {
    throw new InvalidArgumentError(
      'code',
      'code looks binary (NUL or control characters); pass source text.',
    );
  }
  // The parser and the walk recurse per nesting level: refuse pathological nesting before it costs a stack.
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
  }
  if (deepest > MAX_NESTING) {
    throw new InvalidArgumentError(
      'code',
      `code nests brackets ${deepest} levels deep; the check reads up to ${MAX_NESTING}. Pass the part that uses the WorkOS SDK.`,
    );
  }
  return code;
}

/** The declared language, else a guess from unmistakable marks of the other SDK languages; JS/TS by default. */
function pickLanguage(declared: string | undefined, code: string): ReferenceLanguage {
  if (declared && declared.trim()) {
    const lang = normalizeLanguage(declared);
    if (lang === 'curl')
      throw new InvalidArgumentError(
        'language',
        'The check reads SDK code (js/ts, python, ruby, go, java, php, dotnet), not curl.',
      );
    return lang;
  }
  const guesses: [RegExp, ReferenceLanguage][] = [
    [/^\s*<\?php|\$workos->/m, 'php'],
    [/^\s*package\s+\w+\s*$|^\s*import\s+\(|:=\s/m, 'go'],
    [/^\s*(?:from\s+workos|import\s+workos)\b|^\s*def\s+\w+\(.*\):\s*$/m, 'python'],
    [/^\s*require\s+['"]workos['"]|WorkOS::/m, 'ruby'],
    [/^\s*import\s+com\.workos\b/m, 'java'],
    [/^\s*using\s+WorkOS\s*;/m, 'dotnet'],
  ];
  return guesses.find(([re]) => re.test(code))?.[1] ?? 'js';
}
