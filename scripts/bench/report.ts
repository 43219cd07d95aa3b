/**
 * One table for both servers: every row carries our value, the old package's value and the ratio
 * ours/old from the same run, plus the target it is checked against when the issue sets one.
 */

export type Better = 'lower' | 'higher';

export interface Row {
  metric: string;
  unit: 'ms' | 'MiB' | 'chars' | 'bytes' | 'KB' | 'MB' | 'ratio' | 's' | '';
  ours: number | null;
  old: number | null;
  better: Better;
  /** Target on ours/old, e.g. `{ max: 1/30 }` for "30x faster"; absent when the issue sets none. */
  target?: { max?: number; min?: number; text: string };
  note?: string;
}

export interface CheckedRow extends Row {
  ratio: number | null;
  met: boolean | null;
}

export function checkRow(row: Row): CheckedRow {
  const ratio = row.ours !== null && row.old !== null && row.old !== 0 ? row.ours / row.old : null;
  let met: boolean | null = null;
  if (row.target && ratio !== null) {
    met =
      (row.target.max === undefined || ratio <= row.target.max) &&
      (row.target.min === undefined || ratio >= row.target.min);
  }
  return { ...row, ratio, met };
}

export function formatValue(value: number | null, unit: Row['unit']): string {
  if (value === null || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'ms':
      return value < 10
        ? `${value.toFixed(2)} ms`
        : value < 100
          ? `${value.toFixed(1)} ms`
          : `${Math.round(value)} ms`;
    case 's':
      return `${value.toFixed(1)} s`;
    case 'MiB':
      return `${value.toFixed(1)} MiB`;
    case 'MB':
      return `${value.toFixed(2)} MB`;
    case 'KB':
      return `${value.toFixed(1)} KB`;
    case 'bytes':
    case 'chars':
      return `${Math.round(value).toLocaleString('en-US')}${unit === 'bytes' ? ' B' : ''}`;
    case 'ratio':
      return value.toFixed(3);
    default:
      return String(value);
  }
}

/** `0.021 (48x faster)` style: the raw ratio plus how a reader says it. */
export function formatRatio(row: CheckedRow): string {
  const r = row.ratio;
  if (r === null || !Number.isFinite(r)) return '—';
  const raw =
    r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r >= 0.01 ? r.toFixed(3) : r.toExponential(1);
  if (row.unit === 'ratio' || row.unit === '' || r === 1 || r === 0) return raw === '0.0e+0' ? '0' : raw;
  const times = r < 1 ? 1 / r : r;
  const timesText = times >= 10 ? times.toFixed(0) : times.toFixed(1);
  const word =
    row.unit === 'ms' || row.unit === 's' ? (r < 1 ? 'faster' : 'slower') : r < 1 ? 'smaller' : 'larger';
  return `${raw} (${timesText}x ${word})`;
}

export function verdict(row: CheckedRow): string {
  if (!row.target) return '';
  const mark = row.met === null ? '?' : row.met ? 'met' : 'MISSED';
  return `${row.target.text}: ${mark}`;
}

/** GitHub Markdown table (also readable as plain text in a terminal). */
export function markdownTable(rows: readonly CheckedRow[], labels: { ours: string; old: string }): string {
  const head = ['Metric', labels.ours, labels.old, 'ours/old', 'Target'];
  const lines = rows.map((r) => [
    r.metric + (r.note ? ` ${r.note}` : ''),
    formatValue(r.ours, r.unit),
    formatValue(r.old, r.unit),
    formatRatio(r),
    verdict(r),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 || i === 4 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`;
  return [render(head), rule, ...lines.map(render)].join('\n');
}
