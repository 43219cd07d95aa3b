import type { MissingSource } from '../../corpus/types.js';

/** One line per distinct reason: ten packages behind one offline registry are one line, not ten. */
export function groupMissing(missing: MissingSource[], indent = '  - '): string[] {
  const byReason = new Map<string, string[]>();
  for (const m of missing) {
    const names = byReason.get(m.reason) ?? [];
    names.push(`${m.name}${m.version ? `@${m.version}` : ''}`);
    byReason.set(m.reason, names);
  }
  return [...byReason].map(([reason, names]) => `${indent}${names.join(', ')}: ${reason}`);
}
