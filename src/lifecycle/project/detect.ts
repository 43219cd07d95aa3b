import semver from 'semver';
import type { ReferenceLanguage } from '../../corpus/types.js';
import { readDotnet } from './dotnet.js';
import { readGo } from './go.js';
import { readJava } from './java.js';
import { readNpm } from './npm.js';
import { readPhp } from './php.js';
import { readPython } from './python.js';
import { ReadBudget, RootReader } from './root-reader.js';
import { readRuby } from './ruby.js';
import type { RootInput } from './root-uri.js';
import { ScanContext, type Observation } from './scan-context.js';
import type { Ecosystem, ProjectPackage, ProjectScan, RootReport } from './types.js';

export { rootFromUri, type RootInput } from './root-uri.js';

/** Clients rarely offer more than a handful of workspace folders; past this we stop reading. */
export const MAX_ROOTS = 8;

const READERS: {
  ecosystem: Ecosystem;
  language: ReferenceLanguage;
  read: (ctx: ScanContext) => Promise<Observation[]>;
}[] = [
  { ecosystem: 'npm', language: 'js', read: readNpm },
  { ecosystem: 'pypi', language: 'python', read: readPython },
  { ecosystem: 'rubygems', language: 'ruby', read: readRuby },
  { ecosystem: 'go', language: 'go', read: readGo },
  { ecosystem: 'packagist', language: 'php', read: readPhp },
  { ecosystem: 'nuget', language: 'dotnet', read: readDotnet },
  { ecosystem: 'maven', language: 'java', read: readJava },
];

/**
 * Reads the fixed manifest names in each root (never below it, except `node_modules/<WorkOS
 * package>/package.json` and `gradle/libs.versions.toml`) and returns every WorkOS package found,
 * with its version or range and the file that said so. Bad roots and files become notes.
 */
export async function scanRoots(inputs: RootInput[], origin: ProjectScan['origin']): Promise<ProjectScan> {
  const scan: ProjectScan = { origin, roots: [], packages: [], notes: [] };
  const budget = new ReadBudget();
  const seen = new Set<string>();
  for (const [i, input] of inputs.entries()) {
    const report: RootReport = { given: input.given, status: 'skipped', files: [] };
    scan.roots.push(report);
    if (i >= MAX_ROOTS) {
      report.reason = `not read: only the first ${MAX_ROOTS} roots are read`;
      continue;
    }
    if (!input.path) {
      report.reason = input.reason ?? 'is not a folder';
      continue;
    }
    let reader: RootReader;
    try {
      reader = await RootReader.open(input.path, budget);
    } catch (err) {
      report.reason = (err as Error).message;
      continue;
    }
    report.path = reader.root;
    if (seen.has(reader.root)) {
      report.reason = 'is the same folder as an earlier root';
      continue;
    }
    seen.add(reader.root);
    report.status = 'read';
    const ctx = new ScanContext(reader);
    for (const { ecosystem, language, read } of READERS) {
      const observations = await read(ctx).catch((err: unknown) => {
        // A reader bug must not take the project down with it: say so and go on.
        ctx.note(
          undefined,
          `${ecosystem} manifests could not be read (${(err as Error).message.split('\n')[0]})`,
        );
        return [] as Observation[];
      });
      scan.packages.push(...merge(observations, ecosystem, language, reader.root));
    }
    report.files = ctx.files;
    scan.notes.push(...ctx.notes);
  }
  return scan;
}

/**
 * One package per name: the strongest evidence wins (installed > lockfile > manifest; an exact
 * version over a range at the same rank), the manifest's range is kept beside it, and evidence
 * that contradicts the winner is listed so a stale lockfile or install is visible.
 */
function merge(
  observations: Observation[],
  ecosystem: Ecosystem,
  language: ReferenceLanguage,
  root: string,
): ProjectPackage[] {
  const byName = new Map<string, Observation[]>();
  for (const o of observations) byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
  const out: ProjectPackage[] = [];
  for (const [name, list] of byName) {
    const best = [...list].sort((a, b) => b.rank - a.rank || Number(!!b.version) - Number(!!a.version))[0];
    const range = list.find((o) => o.range)?.range;
    const pkg: ProjectPackage = {
      name,
      ecosystem,
      language,
      ...(best.version ? { version: best.version } : {}),
      ...(range ? { range } : {}),
      source: best.source,
      root,
    };
    const disagreements = list
      .filter((o) => o !== best && contradicts(o, best, ecosystem))
      .map((o) => ({
        source: o.source,
        ...(o.version ? { version: o.version } : {}),
        ...(o.range ? { range: o.range } : {}),
      }));
    if (disagreements.length > 0) pkg.disagreements = disagreements;
    out.push(pkg);
  }
  return out;
}

function contradicts(o: Observation, best: Observation, ecosystem: Ecosystem): boolean {
  if (o.version) return !!best.version && o.version !== best.version;
  if (o.range && best.version && ecosystem === 'npm' && semver.validRange(o.range))
    return !semver.satisfies(best.version, o.range, { includePrerelease: true });
  return false;
}
