import { parseDocsTitle } from '../../corpus/sdk-names.js';
import type { Doc, ReferenceLanguage } from '../../corpus/types.js';
import { closest } from './similar.js';
import type { CheckedCall } from './types.js';

/** What a call looks like in each language: `workos.sso.get_profile(`, `$workos->sso->getProfile(`, `WorkOS::SSO.get_profile(`. */
const CALLS: Partial<Record<ReferenceLanguage, RegExp>> = {
  python: /\b([A-Za-z_]\w*)\.([a-z_]\w*)\s*\(/g,
  ruby: /\b([A-Za-z_][\w:]*)\.([a-z_]\w*[?!]?)\s*[( ]/g,
  go: /\b([A-Za-z_]\w*)\.([A-Z]\w*)\s*\(/g,
  java: /\b([A-Za-z_]\w*)\.([a-z]\w*)\s*\(/g,
  php: /\$?([A-Za-z_]\w*)->([a-z]\w*)\s*\(/g,
  dotnet: /\b([A-Za-z_]\w*)\.([A-Z]\w*)(?:Async)?\s*\(/g,
};

const MAX_LINE = 2000;

/**
 * Best effort for SDKs whose declarations we do not have (Python, Ruby, Go, Java, PHP, .NET): calls whose
 * receiver names a namespace the docs' reference uses for that language are checked against the method
 * names the docs list there. The docs, not the SDK, are the source: every message says so.
 */
export function analyzeDocsBased(code: string, language: ReferenceLanguage, docs: Doc[]): CheckedCall[] {
  const pattern = CALLS[language];
  if (!pattern) return [];
  const known = new Map<string, { names: Set<string>; docPath: Map<string, string> }>();
  for (const doc of docs) {
    for (const entry of doc.reference) {
      if (entry.language !== language) continue;
      const parsed = parseDocsTitle(entry.title.replace(/^\$/, '').replace('->', '.').replace(/::/g, '.'));
      if (!parsed?.namespace) continue;
      const key = normaliseNs(parsed.namespace);
      const slot = known.get(key) ?? { names: new Set(), docPath: new Map() };
      slot.names.add(parsed.name);
      slot.docPath.set(parsed.name, doc.path);
      known.set(key, slot);
    }
  }
  const calls: CheckedCall[] = [];
  code.split('\n').forEach((line, i) => {
    if (line.length > MAX_LINE) return;
    for (const m of line.matchAll(pattern)) {
      const receiver = m[1].split(/[.:]/).filter(Boolean).at(-1) ?? m[1];
      const slot = known.get(normaliseNs(receiver));
      if (!slot) continue;
      const method = m[2];
      const code = m[0].replace(/\s*[( ]$/, '').trim();
      if (slot.names.has(method)) {
        calls.push({
          code,
          line: i + 1,
          status: 'ok',
          message: `\`${method}\` is in the docs' ${language} reference (docs-based check; the SDK itself was not read).`,
          doc: slot.docPath.get(method),
        });
      } else {
        const suggestion = closest(method, [...slot.names]);
        calls.push({
          code,
          line: i + 1,
          status: 'unknown',
          message: `\`${receiver}.${method}\` is not in the docs' ${language} reference (docs-based check; the SDK itself was not read).`,
          ...(suggestion ? { suggestion, doc: slot.docPath.get(suggestion) } : {}),
        });
      }
    }
  });
  return calls;
}

/** `portalService`, `Portal`, `portal` and `WorkOS::Portal` name the same thing. */
function normaliseNs(ns: string): string {
  return ns
    .toLowerCase()
    .replace(/_/g, '')
    .replace(/service$/, '');
}
