import { parseSyml } from '@yarnpkg/parsers';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { LOCKFILE_MAX_BYTES } from './root-reader.js';
import { asString, isRecord, RANK, type Observation, type ScanContext } from './scan-context.js';

/**
 * The npm scopes WorkOS publishes under. The strict name shape also makes the names safe to
 * join into `node_modules/<name>/package.json`: no `..`, no separators beyond the scope's one.
 */
const WORKOS_NPM_NAME = /^@workos(?:-inc)?\/[a-z0-9][a-z0-9._-]{0,100}$/;

/** WorkOS packages that are tools, not SDKs a project's code calls. */
const NOT_SDKS = new Set(['@workos/mcp-docs-server']);

export function isWorkosNpmName(name: string): boolean {
  return WORKOS_NPM_NAME.test(name) && !name.includes('..') && !NOT_SDKS.has(name);
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * JavaScript projects: ranges from package.json, exact versions from package-lock.json,
 * pnpm-lock.yaml and yarn.lock, and the version actually installed in node_modules.
 */
export async function readNpm(ctx: ScanContext): Promise<Observation[]> {
  const out: Observation[] = [];
  const declared = new Map<string, string>();
  const pkg = await ctx.json('package.json');
  if (pkg) {
    for (const field of DEPENDENCY_FIELDS) {
      const deps = pkg[field];
      if (!isRecord(deps)) continue;
      for (const [name, spec] of Object.entries(deps)) {
        const range = asString(spec);
        if (!isWorkosNpmName(name) || !range || declared.has(name)) continue;
        declared.set(name, range);
        out.push({ name, ...exactOrRange(range), source: 'package.json', rank: RANK.manifest });
      }
    }
  }
  out.push(...(await packageLock(ctx)));
  out.push(...(await pnpmLock(ctx)));
  out.push(...(await yarnLock(ctx, declared)));
  const names = new Set(out.map((o) => o.name));
  for (const name of names) {
    const installed = await installedVersion(ctx, name);
    if (installed) out.push(installed);
  }
  return out;
}

/** `8.13.0` is a version; `^8.13.0`, `latest`, `workspace:*`, a git URL are ranges. */
function exactOrRange(spec: string): { version: string } | { range: string } {
  const v = semver.valid(spec.trim());
  return v ? { version: v } : { range: spec.trim() };
}

function exact(v: unknown): string | undefined {
  const s = asString(v);
  return s ? (semver.valid(s) ?? undefined) : undefined;
}

/** npm lockfile v2/v3 (`packages["node_modules/<name>"]`) and v1 (`dependencies[<name>]`): top level only. */
async function packageLock(ctx: ScanContext): Promise<Observation[]> {
  const out: Observation[] = [];
  for (const file of ['package-lock.json', 'npm-shrinkwrap.json']) {
    const lock = await ctx.json(file, LOCKFILE_MAX_BYTES);
    if (!lock) continue;
    const found = new Map<string, string>();
    if (isRecord(lock.packages)) {
      for (const [key, entry] of Object.entries(lock.packages)) {
        if (!key.startsWith('node_modules/') || !isRecord(entry)) continue;
        const name = key.slice('node_modules/'.length);
        const version = exact(entry.version);
        if (isWorkosNpmName(name) && version) found.set(name, version);
      }
    } else if (isRecord(lock.dependencies)) {
      for (const [name, entry] of Object.entries(lock.dependencies)) {
        const version = isRecord(entry) ? exact(entry.version) : undefined;
        if (isWorkosNpmName(name) && version) found.set(name, version);
      }
    } else {
      ctx.note(file, 'has neither `packages` nor `dependencies`; no versions read from it');
    }
    for (const [name, version] of found) out.push({ name, version, source: file, rank: RANK.lockfile });
  }
  return out;
}

/**
 * pnpm lockfiles: v6-v9 list the root project's dependencies under `importers["."]` as
 * `{specifier, version}`; v5 puts them at the top level as plain versions. Versions may carry a
 * peer suffix (`8.13.0(react@18.2.0)`) or be a link (`link:../x`), which is no version.
 */
async function pnpmLock(ctx: ScanContext): Promise<Observation[]> {
  const text = await ctx.text('pnpm-lock.yaml', LOCKFILE_MAX_BYTES);
  if (text === undefined) return [];
  const lock = ctx.parsed('pnpm-lock.yaml', () => parseYaml(text, { maxAliasCount: 100 }) as unknown);
  if (!lock) return [];
  const importer = isRecord(lock.importers) ? lock.importers['.'] : lock;
  if (!isRecord(importer)) {
    ctx.note('pnpm-lock.yaml', 'has no root importer (`importers["."]`); no versions read from it');
    return [];
  }
  const out: Observation[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    const deps = importer[field];
    if (!isRecord(deps)) continue;
    for (const [name, entry] of Object.entries(deps)) {
      if (!isWorkosNpmName(name)) continue;
      const raw = isRecord(entry) ? entry.version : entry;
      const version = exact(asString(raw)?.replace(/\(.*$/, ''));
      if (version) out.push({ name, version, source: 'pnpm-lock.yaml', rank: RANK.lockfile });
    }
  }
  return out;
}

/**
 * yarn.lock, classic (v1) and Berry (v2+), through Yarn's own parser. Entries are keyed by the
 * requested descriptor (`@workos-inc/node@^8.13.0`, Berry: `@workos-inc/node@npm:^8.13.0`); the one
 * matching package.json's range wins, else the only entry for that name.
 */
async function yarnLock(ctx: ScanContext, declared: Map<string, string>): Promise<Observation[]> {
  const text = await ctx.text('yarn.lock', LOCKFILE_MAX_BYTES);
  if (text === undefined) return [];
  const lock = ctx.parsed('yarn.lock', () => parseSyml(text));
  if (!lock) return [];
  const byName = new Map<string, { range: string; version: string }[]>();
  let unreadable = 0;
  for (const [key, entry] of Object.entries(lock)) {
    const at = key.lastIndexOf('@');
    const name = key.slice(0, at);
    if (key === '__metadata' || at <= 0 || !isWorkosNpmName(name)) continue;
    const version = isRecord(entry) ? exact(entry.version) : undefined;
    if (!version) {
      unreadable++;
      continue;
    }
    const range = key.slice(at + 1).replace(/^npm:/, '');
    byName.set(name, [...(byName.get(name) ?? []), { range, version }]);
  }
  if (unreadable > 0)
    ctx.note(
      'yarn.lock',
      `${unreadable} WorkOS entries have no version Yarn's parser can read (is the \`# yarn lockfile v1\` header missing?)`,
    );
  const out: Observation[] = [];
  for (const [name, entries] of byName) {
    const wanted = declared.get(name)?.replace(/^npm:/, '');
    const versions = [...new Set(entries.map((e) => e.version))];
    const match = entries.find((e) => e.range === wanted);
    if (match || versions.length === 1) {
      out.push({ name, version: (match ?? entries[0]).version, source: 'yarn.lock', rank: RANK.lockfile });
    } else {
      ctx.note(
        'yarn.lock',
        `locks ${name} at several versions (${versions.join(', ')}) and none matches package.json; not used`,
      );
    }
  }
  return out;
}

/** `node_modules/<name>/package.json`: the code that actually runs, when it names itself correctly. */
async function installedVersion(ctx: ScanContext, name: string): Promise<Observation | undefined> {
  const file = `node_modules/${name}/package.json`;
  const data = await ctx.json(file);
  if (!data) return undefined;
  const version = exact(data.version);
  if (data.name !== name || !version) {
    ctx.note(file, `does not describe ${name} with a valid version; not used`);
    return undefined;
  }
  return { name, version, source: file, rank: RANK.installed };
}
