import type { OptionChange, SurfaceDiff } from '../surface-diff/types.js';

/** Long lists are cut: the model needs the renames and removals in full, the additions as a sketch. */
const MAX_ADDED_NAMES = 60;
const MAX_LIST = 40;

const code = (s: string): string => `\`${s}\``;
const call = (s: string): string => `\`${s}()\``;

/**
 * The migration answer between two versions of one SDK, from its declarations: what to rename
 * first (it breaks at run time), then what is gone, what changed shape, what is new.
 */
export function formatSurfaceDiff(diff: SurfaceDiff): string {
  const lines: string[] = [
    `## API changes in ${diff.package}: ${diff.from} → ${diff.to}`,
    '',
    '_Computed from the type declarations of both versions (renames matched by structure: shared methods, endpoints, option fields)._',
  ];
  const section = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    lines.push('', `### ${title}`, ...items);
  };
  section(
    'Renamed namespaces',
    diff.namespaces.renamed.map(
      (r) => `- ${code(`workos.${r.from}`)} → ${code(`workos.${r.to}`)} (${r.why})`,
    ),
  );
  section(
    'Renamed or moved methods',
    cut(
      diff.symbols.renamed.map((r) => {
        const also = r.also?.length ? `; also see ${r.also.map(call).join(', ')}` : '';
        return `- ${call(r.from)} → ${call(r.to)} (${r.why}${also})`;
      }),
    ),
  );
  section(
    'Removed namespaces',
    diff.namespaces.removed.length ? [`- ${diff.namespaces.removed.map(code).join(', ')}`] : [],
  );
  const removedNs = new Set(diff.namespaces.removed);
  const removed = diff.symbols.removed.filter((s) => !removedNs.has(s.split('.')[0]));
  section(
    'Removed',
    cut(removed.map((s) => `- ${call(s)}${diff.removedDeprecated.includes(s) ? ' (was deprecated)' : ''}`)),
  );
  section('Changed calls and options', cut(diff.options.map(optionLine)));
  section(
    'Newly deprecated',
    cut(
      diff.deprecated.map(
        (d) => `- ${call(d.symbol)}${d.field ? ` option ${code(d.field)}` : ''}: ${oneLine(d.text)}`,
      ),
    ),
  );
  section(
    'Added namespaces',
    diff.namespaces.added.length ? [`- ${diff.namespaces.added.map(code).join(', ')}`] : [],
  );
  section(`Added (${diff.symbols.added.length})`, addedLines(diff.symbols.added));
  if (lines.length === 3) lines.push('', 'No differences in the public API surface.');
  return lines.join('\n');
}

function optionLine(c: OptionChange): string {
  const parts: string[] = [];
  if (c.params) parts.push(`call is now ${code(c.params.to)} (was ${code(c.params.from)})`);
  if (c.added.length) parts.push(`new options ${c.added.map(code).join(', ')}`);
  if (c.removed.length) parts.push(`options removed ${c.removed.map(code).join(', ')}`);
  for (const t of c.changed)
    parts.push(`${code(t.name)} is ${code(short(t.to))} (was ${code(short(t.from))})`);
  if (c.nowRequired.length) parts.push(`now required ${c.nowRequired.map(code).join(', ')}`);
  if (c.nowOptional.length) parts.push(`now optional ${c.nowOptional.map(code).join(', ')}`);
  return `- ${call(c.symbol)}: ${parts.join('; ')}`;
}

/** Additions grouped by namespace: `sso`: a, b, c. */
function addedLines(added: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const s of added) {
    const dot = s.indexOf('.');
    const key = dot > 0 ? s.slice(0, dot) : '(exports)';
    groups.set(key, [...(groups.get(key) ?? []), dot > 0 ? s.slice(dot + 1) : s]);
  }
  const out: string[] = [];
  let shown = 0;
  for (const [ns, names] of groups) {
    if (shown >= MAX_ADDED_NAMES) break;
    const take = names.slice(0, MAX_ADDED_NAMES - shown);
    shown += take.length;
    const more = names.length > take.length ? `, … ${names.length - take.length} more` : '';
    out.push(`- ${ns === '(exports)' ? 'exports' : code(ns)}: ${take.join(', ')}${more}`);
  }
  if (shown < added.length) out.push(`- … and ${added.length - shown} more`);
  return out;
}

function cut(items: string[]): string[] {
  return items.length > MAX_LIST
    ? [...items.slice(0, MAX_LIST), `- … and ${items.length - MAX_LIST} more`]
    : items;
}

function short(type: string): string {
  return type.length > 80 ? `${type.slice(0, 77)}…` : type;
}

function oneLine(text: string): string {
  const t =
    text
      .replace(/\s+/g, ' ')
      .replace(/\{@link\s+([^}]+)\}/g, '$1')
      .trim() || 'deprecated';
  return t.length > 160 ? `${t.slice(0, 157)}…` : t;
}
