import type { ReferenceEntry, ReferenceLanguage } from '../../corpus/types.js';
import { asEntries, type RawEntry } from './raw.js';
import { referenceLanguage } from './registry.js';
import { referenceEntryMarkdown } from './render.js';
import type { FieldResolver } from './resolve.js';

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Entries that document something (an operation or an object), not reusable field definitions like `ctx`. */
function isDocumented(entry: RawEntry): boolean {
  return (
    typeof entry.title === 'string' ||
    Array.isArray(entry.parameters) ||
    Array.isArray(entry.returns) ||
    Array.isArray(entry.properties)
  );
}

/** A doc's `reference:` frontmatter -> one ReferenceEntry per (operation, language), descriptions resolved. */
export function referenceEntries(
  frontmatter: Record<string, unknown>,
  file: string,
  resolver: FieldResolver,
): ReferenceEntry[] {
  const reference = frontmatter.reference;
  if (!reference || typeof reference !== 'object') return [];
  const out: ReferenceEntry[] = [];
  for (const [key, list] of Object.entries(reference as Record<string, unknown>)) {
    const language = referenceLanguage(key);
    if (!language) continue;
    for (const raw of asEntries(list)) {
      if (!isDocumented(raw)) continue;
      out.push(toEntry(raw, language, file, resolver));
    }
  }
  return out;
}

function toEntry(
  raw: RawEntry,
  language: ReferenceLanguage,
  file: string,
  resolver: FieldResolver,
): ReferenceEntry {
  const id = String(raw.id ?? raw.key ?? raw.title ?? '');
  const method = typeof raw.type === 'string' ? raw.type.toUpperCase() : undefined;
  const rawTitle = String(raw.title ?? raw.key ?? id);
  const isEndpoint = language === 'curl' && !!method && HTTP_METHODS.has(method);
  const entry: ReferenceEntry = {
    id,
    language,
    title: isEndpoint ? `${method} ${rawTitle}` : rawTitle,
    parameters: resolver.fields(raw.parameters, language, file),
    properties: resolver.fields(raw.properties, language, file),
    returns: resolver.fields(raw.returns, language, file),
    markdown: '',
  };
  if (isEndpoint) {
    entry.httpMethod = method;
    entry.endpoint = rawTitle;
  }
  entry.markdown = referenceEntryMarkdown(entry);
  return entry;
}
