import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { ReferenceEntry, ReferenceField, ReferenceLanguage } from '../../corpus/types.js';
import { serialise } from '../markdown.js';
import { text } from '../mdast-utils.js';
import { parseMdx } from '../parse.js';

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

const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });

/** Description Markdown (from YAML) as flow nodes; plain Markdown, since descriptions are not MDX. */
const parsedDescriptions = new Map<string, RootContent[]>();

function descriptionNodes(markdown: string): RootContent[] {
  if (!markdown) return [];
  let nodes = parsedDescriptions.get(markdown);
  if (!nodes) {
    nodes = parseMdx(markdown, false).children.filter((n) => n.type !== 'yaml');
    parsedDescriptions.set(markdown, nodes);
  }
  // Callers splice these nodes into trees; hand out copies so the cache stays pristine.
  return structuredClone(nodes);
}

function fieldItem(field: ReferenceField): ListItem {
  const head: PhrasingContent[] = [code(field.name)];
  const meta = [
    field.type ? code(field.type) : undefined,
    field.optional ? text('optional') : undefined,
  ].filter((n): n is PhrasingContent => !!n);
  if (meta.length) {
    head.push(text(' ('));
    meta.forEach((m, i) => head.push(...(i ? [text(', '), m] : [m])));
    head.push(text(')'));
  }
  const desc = descriptionNodes(field.description);
  const first = desc[0]?.type === 'paragraph' ? desc.shift() : undefined;
  if (first?.type === 'paragraph') head.push(text(' — '), ...first.children);
  const children: ListItem['children'] = [
    { type: 'paragraph', children: head },
    ...(desc as ListItem['children']),
  ];
  if (field.children?.length) children.push(fieldList(field.children));
  return { type: 'listItem', spread: false, children };
}

export function fieldList(fields: ReferenceField[]): List {
  return { type: 'list', ordered: false, spread: false, children: fields.map(fieldItem) };
}

function labelled(label: string, fields: ReferenceField[]): RootContent[] {
  return fields.length ? [{ type: 'paragraph', children: [strong(`${label}:`)] }, fieldList(fields)] : [];
}

/** The heading line of one entry: `POST /organizations`, or `organizations.create_organization()` (Python). */
export function entryHeadline(entry: ReferenceEntry): PhrasingContent[] {
  if (entry.endpoint) return [strong('Endpoint:'), text(' '), code(`${entry.httpMethod} ${entry.endpoint}`)];
  const kind =
    entry.parameters.length || entry.returns.length || /\(\)$/.test(entry.title) ? 'Method' : 'Object';
  const label = entry.language === 'curl' ? `${kind}:` : `${kind} (${LANGUAGE_NAMES[entry.language]}):`;
  return [strong(label), text(' '), code(entry.title)];
}

/** One entry alone, everything included: what a reader asking for one language gets. */
export function entryNodes(entry: ReferenceEntry): RootContent[] {
  return [
    { type: 'paragraph', children: entryHeadline(entry) },
    ...labelled('Parameters', entry.parameters),
    ...labelled('Properties', entry.properties),
    ...labelled('Returns', entry.returns),
  ];
}

export function entryMarkdown(entry: ReferenceEntry): string {
  return serialise(entryNodes(entry));
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
export function operationNodes(entries: ReferenceEntry[]): RootContent[] {
  const primary = entries.find((e) => e.language === 'curl') ?? entries[0];
  const out = entryNodes(primary);
  const others = entries.filter((e) => e !== primary);
  if (!others.length) return out;
  const items: ListItem[] = others.map((e) => {
    const names = signatureNames(e);
    const children: PhrasingContent[] = [text(`${LANGUAGE_NAMES[e.language]}: `), code(e.title)];
    if (names.length) {
      children.push(text(' — parameters: '));
      names.forEach((n, i) => children.push(...(i ? [text(', '), code(n)] : [code(n)])));
    }
    return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] };
  });
  const label = primary.language === 'curl' ? 'SDK methods:' : 'Other languages:';
  out.push(
    { type: 'paragraph', children: [strong(label)] },
    { type: 'list', ordered: false, spread: false, children: items },
  );
  return out;
}
