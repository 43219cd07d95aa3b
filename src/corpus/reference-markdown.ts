import {
  REFERENCE_LANGUAGES,
  type ReferenceEntry,
  type ReferenceField,
  type ReferenceLanguage,
} from './types.js';

/**
 * The canonical Markdown of API reference entries. It lives with the data model because it is a pure
 * function of a ReferenceEntry: ingest renders docs with it, and the bundle stores entries without their
 * Markdown and rebuilds it on load (it would otherwise be the second largest part of the bundle).
 */

export const LANGUAGE_NAMES: Record<ReferenceLanguage, string> = {
  curl: 'HTTP',
  js: 'JavaScript',
  python: 'Python',
  ruby: 'Ruby',
  go: 'Go',
  java: 'Java',
  php: 'PHP',
  dotnet: '.NET',
};

/** Inline code that survives backticks in the value (`` `a` `` style fences). */
export function inlineCode(value: string): string {
  if (!value.includes('`')) return `\`${value}\``;
  const fence = '`'.repeat(Math.max(...(value.match(/`+/g) ?? ['']).map((r) => r.length)) + 1);
  return `${fence} ${value} ${fence}`;
}

function fieldLines(field: ReferenceField, depth: number): string[] {
  const indent = '  '.repeat(depth);
  // The docs name an unnamed return value `anonymous`: show its type in the name's place.
  const anonymous = field.name === 'anonymous' && !!field.type;
  const name = inlineCode(anonymous ? field.type! : field.name);
  const meta = [field.type && !anonymous ? inlineCode(field.type) : '', field.optional ? 'optional' : '']
    .filter(Boolean)
    .join(', ');
  const [first = '', ...rest] = field.description.trim().split('\n');
  const head = `${indent}- ${name}${meta ? ` (${meta})` : ''}${first ? ` — ${first.trim()}` : ''}`;
  // Later description lines continue the list item: indent them under its text.
  const more = rest.map((line) => (line.trim() ? `${indent}  ${line.trimEnd()}` : ''));
  const children = (field.children ?? []).flatMap((c) => fieldLines(c, depth + 1));
  return [head, ...more, ...children];
}

export function fieldListMarkdown(fields: ReferenceField[]): string {
  return fields.flatMap((f) => fieldLines(f, 0)).join('\n');
}

function labelled(label: string, fields: ReferenceField[]): string[] {
  return fields.length ? [`**${label}:**`, fieldListMarkdown(fields)] : [];
}

/** A callable (SDK method or endpoint) rather than an object's description: answers label the two apart. */
export function isMethod(entry: ReferenceEntry): boolean {
  return entry.parameters.length > 0 || entry.returns.length > 0 || /\(\)$/.test(entry.title);
}

/** `**Endpoint:** `POST /organizations``, `**Method (Python):** `organizations.create_organization()``. */
export function entryHeadline(entry: ReferenceEntry): string {
  if (entry.endpoint) return `**Endpoint:** ${inlineCode(`${entry.httpMethod} ${entry.endpoint}`)}`;
  const kind = isMethod(entry) ? 'Method' : 'Object';
  const label = entry.language === 'curl' ? kind : `${kind} (${LANGUAGE_NAMES[entry.language]})`;
  return `**${label}:** ${inlineCode(entry.title)}`;
}

/** One entry alone, everything included: what a reader asking for one language gets. */
export function referenceEntryMarkdown(entry: ReferenceEntry): string {
  return [
    entryHeadline(entry),
    ...labelled('Parameters', entry.parameters),
    ...labelled('Properties', entry.properties),
    ...labelled('Returns', entry.returns),
  ].join('\n\n');
}

/** Top-level names a caller passes, looking through an unwrapped options object. */
function signatureNames(entry: ReferenceEntry): string[] {
  return entry.parameters.flatMap((p) =>
    p.children?.length && /^(options|opts|params)$/i.test(p.name) ? p.children.map((c) => c.name) : [p.name],
  );
}

/**
 * All languages of one operation, for the doc body: the HTTP form in full (or the first language when
 * there is no HTTP form), then one compact line per SDK language.
 */
export function operationMarkdown(entries: ReferenceEntry[]): string {
  const primary = entries.find((e) => e.language === 'curl') ?? entries[0];
  const parts = [referenceEntryMarkdown(primary)];
  const order = (e: ReferenceEntry): number => REFERENCE_LANGUAGES.indexOf(e.language);
  const others = entries.filter((e) => e !== primary).sort((a, b) => order(a) - order(b));
  if (!others.length) return parts[0];
  const label =
    primary.language !== 'curl' ? 'Other languages' : isMethod(primary) ? 'SDK methods' : 'SDK types';
  const lines = others.map((e) => {
    const names = signatureNames(e);
    const params = names.length ? ` — parameters: ${names.map(inlineCode).join(', ')}` : '';
    return `- ${LANGUAGE_NAMES[e.language]}: ${inlineCode(e.title)}${params}`;
  });
  parts.push(`**${label}:**`, lines.join('\n'));
  return parts.join('\n\n');
}
