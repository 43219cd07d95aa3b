import { parse as parseToml } from 'smol-toml';
import { LOCKFILE_MAX_BYTES } from './root-reader.js';
import { asString, isRecord, RANK, type Observation, type ScanContext } from './scan-context.js';

/** The WorkOS Python SDK's distribution name (PyPI). */
const PYPI_NAME = 'workos';
/** requirements files by the names pip-tools, Poetry export and people use, directly in the root. */
const REQUIREMENTS = /^requirements[\w.-]*\.(txt|in)$/i;
const MAX_REQUIREMENTS_FILES = 12;

/** PEP 503 normalisation: `WorkOS`, `work_os` and `work.os` are the same project name. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * One PEP 508 requirement (`workos[extra]>=4,<5; python_version>"3.8"`): its name and, for the
 * one form that pins (`==4.1.0`, `===4.1.0`), the exact version; anything else is a range.
 */
export function parseRequirement(
  line: string,
): { name: string; version?: string; range?: string } | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*?)\s*(?:;.*)?$/.exec(line);
  if (!m) return undefined;
  const spec = m[2].trim();
  const pinned = /^===?\s*([0-9][0-9A-Za-z.+!-]*)$/.exec(spec);
  if (pinned && !pinned[1].includes('*')) return { name: m[1], version: pinned[1] };
  return { name: m[1], ...(spec ? { range: spec.replace(/\s+/g, '') } : {}) };
}

/** Python projects: requirements*.txt, pyproject.toml (PEP 621, PEP 735 groups, Poetry), poetry.lock, uv.lock. */
export async function readPython(ctx: ScanContext): Promise<Observation[]> {
  const out: Observation[] = [];
  const { names, more } = await ctx.reader.list(REQUIREMENTS, MAX_REQUIREMENTS_FILES);
  if (more > 0)
    ctx.note(undefined, `${more} more requirements files not read (only the first ${names.length})`);
  for (const file of names) {
    const text = await ctx.text(file);
    if (text !== undefined) out.push(...fromRequirementLines(requirementLines(text), file));
  }
  out.push(...(await pyproject(ctx)));
  for (const file of ['poetry.lock', 'uv.lock', 'pdm.lock']) out.push(...(await tomlLock(ctx, file)));
  return out;
}

/** Logical lines of a requirements file: comments dropped, `\` continuations joined, options skipped. */
function requirementLines(text: string): string[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/(^|\s)#.*$/, '')
        .replace(/\s--?[a-z][\w-]*(=\S*)?/gi, '')
        .trim(),
    )
    .filter((l) => l && !l.startsWith('-'));
}

function fromRequirementLines(lines: string[], source: string): Observation[] {
  const out: Observation[] = [];
  for (const line of lines) {
    const req = parseRequirement(line);
    if (req && normalizePypiName(req.name) === PYPI_NAME) {
      out.push({ name: PYPI_NAME, version: req.version, range: req.range, source, rank: RANK.manifest });
    }
  }
  return out;
}

async function pyproject(ctx: ScanContext): Promise<Observation[]> {
  const text = await ctx.text('pyproject.toml');
  if (text === undefined) return [];
  const data = ctx.parsed('pyproject.toml', () => parseToml(text));
  if (!data) return [];
  const lines: string[] = [];
  const project = isRecord(data.project) ? data.project : {};
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
  lines.push(...strings(project.dependencies));
  if (isRecord(project['optional-dependencies']))
    for (const group of Object.values(project['optional-dependencies'])) lines.push(...strings(group));
  if (isRecord(data['dependency-groups']))
    for (const group of Object.values(data['dependency-groups'])) lines.push(...strings(group));
  const out = fromRequirementLines(lines, 'pyproject.toml');
  // Poetry's own tables: `workos = "^4.0"` or `workos = { version = "^4.0", extras = [...] }`.
  const poetry = isRecord(data.tool) && isRecord(data.tool.poetry) ? data.tool.poetry : undefined;
  if (poetry) {
    const tables = [poetry.dependencies, poetry['dev-dependencies']];
    if (isRecord(poetry.group))
      for (const g of Object.values(poetry.group)) if (isRecord(g)) tables.push(g.dependencies);
    for (const table of tables) {
      if (!isRecord(table)) continue;
      for (const [name, spec] of Object.entries(table)) {
        if (normalizePypiName(name) !== PYPI_NAME) continue;
        const range = asString(isRecord(spec) ? spec.version : spec);
        const pinned = range && /^==?\s*([0-9][\w.+!-]*)$|^([0-9][\w.+!-]*)$/.exec(range);
        out.push({
          name: PYPI_NAME,
          ...(pinned ? { version: pinned[1] ?? pinned[2] } : range ? { range } : {}),
          source: 'pyproject.toml',
          rank: RANK.manifest,
        });
      }
    }
  }
  return out;
}

/** poetry.lock, uv.lock and pdm.lock all list `[[package]]` tables with `name` and `version`. */
async function tomlLock(ctx: ScanContext, file: string): Promise<Observation[]> {
  const text = await ctx.text(file, LOCKFILE_MAX_BYTES);
  if (text === undefined) return [];
  const data = ctx.parsed(file, () => parseToml(text));
  if (!data) return [];
  if (!Array.isArray(data.package)) {
    ctx.note(file, 'has no [[package]] tables; no versions read from it');
    return [];
  }
  const versions = new Set<string>();
  for (const p of data.package) {
    if (isRecord(p) && typeof p.name === 'string' && normalizePypiName(p.name) === PYPI_NAME) {
      const v = asString(p.version);
      if (v) versions.add(v);
    }
  }
  if (versions.size > 1) {
    ctx.note(file, `locks workos at several versions (${[...versions].join(', ')}); not used`);
    return [];
  }
  return [...versions].map((version) => ({ name: PYPI_NAME, version, source: file, rank: RANK.lockfile }));
}
