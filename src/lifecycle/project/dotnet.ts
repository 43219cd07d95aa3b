import { LOCKFILE_MAX_BYTES } from './root-reader.js';
import { asString, isRecord, RANK, type Observation, type ScanContext } from './scan-context.js';
import { elementsNamed, field, parseXml } from './xml.js';

/** The WorkOS .NET SDK's NuGet id; NuGet ids compare case-insensitively. */
const NUGET_ID = 'WorkOS.net';
const PROJECT_FILE = /\.(cs|fs|vb)proj$/i;
const MAX_PROJECT_FILES = 12;

function isWorkos(id: string | undefined): boolean {
  return id?.toLowerCase() === NUGET_ID.toLowerCase();
}

/** NuGet's exact form is a plain version or `[2.3.0]`; `2.*`, `[2.0,3.0)` are ranges. */
function versionOrRange(spec: string): { version: string } | { range: string } {
  const m = /^\[?\s*(\d+(?:\.\d+){1,3}(?:-[\w.-]+)?)\s*\]?$/.exec(spec);
  return m && (!spec.startsWith('[') || spec.endsWith(']')) ? { version: m[1] } : { range: spec };
}

/** .NET projects: `*.csproj` (and F#/VB), central `Directory.Packages.props`, `packages.lock.json`. */
export async function readDotnet(ctx: ScanContext): Promise<Observation[]> {
  const out: Observation[] = [];
  const { names, more } = await ctx.reader.list(PROJECT_FILE, MAX_PROJECT_FILES);
  if (more > 0) ctx.note(undefined, `${more} more project files not read (only the first ${names.length})`);
  for (const file of [...names, 'Directory.Packages.props']) {
    const text = await ctx.text(file);
    if (text === undefined) continue;
    const xml = ctx.parsed(file, () => parseXml(text));
    if (!xml) continue;
    for (const tag of ['PackageReference', 'PackageVersion']) {
      for (const el of elementsNamed(xml, tag)) {
        if (!isWorkos(field(el, 'Include') ?? field(el, 'Update'))) continue;
        const spec = field(el, 'Version') ?? field(el, 'VersionOverride');
        // Under central package management the csproj names the package and the props file the version.
        if (spec) out.push({ name: NUGET_ID, ...versionOrRange(spec), source: file, rank: RANK.manifest });
      }
    }
  }
  const lock = await ctx.json('packages.lock.json', LOCKFILE_MAX_BYTES);
  if (lock && isRecord(lock.dependencies)) {
    for (const framework of Object.values(lock.dependencies)) {
      if (!isRecord(framework)) continue;
      for (const [id, entry] of Object.entries(framework)) {
        const resolved = isRecord(entry) ? asString(entry.resolved) : undefined;
        if (isWorkos(id) && resolved)
          out.push({ name: NUGET_ID, version: resolved, source: 'packages.lock.json', rank: RANK.lockfile });
      }
    }
  }
  return out;
}
