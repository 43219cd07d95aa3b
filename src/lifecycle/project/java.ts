import { parse as parseToml } from 'smol-toml';
import { asString, isRecord, RANK, type Observation, type ScanContext } from './scan-context.js';
import { elementsNamed, field, parseXml } from './xml.js';

const GROUP = 'com.workos';
const ARTIFACT = 'workos';
const COORDINATE = `${GROUP}:${ARTIFACT}`;

function observation(spec: string | undefined, source: string): Observation | undefined {
  if (!spec) return undefined;
  // Maven/Gradle dynamic versions (`4.+`, `[4.0,5.0)`, `latest.release`) are ranges.
  const exact = /^\d+(\.\d+){0,3}([.-][\w.-]+)?$/.test(spec) && !/^latest/i.test(spec);
  return { name: COORDINATE, ...(exact ? { version: spec } : { range: spec }), source, rank: RANK.manifest };
}

/** Java/Kotlin projects: pom.xml, build.gradle(.kts) and the Gradle version catalog. */
export async function readJava(ctx: ScanContext): Promise<Observation[]> {
  const out: Observation[] = [];
  const pom = await ctx.text('pom.xml');
  const xml = pom === undefined ? undefined : ctx.parsed('pom.xml', () => parseXml(pom));
  if (xml) {
    const project = isRecord(xml.project) ? xml.project : xml;
    const properties = isRecord(project.properties) ? project.properties : {};
    for (const dep of elementsNamed(project, 'dependency')) {
      if (field(dep, 'groupId') !== GROUP || field(dep, 'artifactId') !== ARTIFACT) continue;
      let spec = field(dep, 'version');
      // `${workos.version}` from <properties>; anything else unresolved stays as written.
      const prop = spec && /^\$\{([\w.-]+)\}$/.exec(spec);
      if (prop && typeof properties[prop[1]] === 'string') spec = String(properties[prop[1]]).trim();
      const o = observation(spec, 'pom.xml');
      if (o) out.push(o);
    }
  }
  for (const file of ['build.gradle', 'build.gradle.kts']) {
    const text = await ctx.text(file);
    if (text !== undefined) out.push(...gradleDependencies(text, file));
  }
  out.push(...(await versionCatalog(ctx)));
  return out;
}

/**
 * Gradle build scripts are Groovy or Kotlin programs; no parser short of Gradle itself reads them.
 * Like Dependabot, we read only the dependency notations written as string literals:
 * `"com.workos:workos:4.0.0"` and the map form `group: 'com.workos', name: 'workos', version: '4.0.0'`.
 */
export function gradleDependencies(text: string, source: string): Observation[] {
  const out: Observation[] = [];
  for (const m of text.matchAll(/["']com\.workos:workos:([^"'$\s]+)["']/g)) {
    const o = observation(m[1], source);
    if (o) out.push(o);
  }
  const map =
    /group\s*[:=]\s*["']com\.workos["']\s*,\s*name\s*[:=]\s*["']workos["']\s*,\s*version\s*[:=]\s*["']([^"'$\s]+)["']/g;
  for (const m of text.matchAll(map)) {
    const o = observation(m[1], source);
    if (o) out.push(o);
  }
  return out;
}

/** `gradle/libs.versions.toml`: `[libraries] workos = { module = "com.workos:workos", version.ref = "workos" }`. */
async function versionCatalog(ctx: ScanContext): Promise<Observation[]> {
  const file = 'gradle/libs.versions.toml';
  const text = await ctx.text(file);
  if (text === undefined) return [];
  const data = ctx.parsed(file, () => parseToml(text));
  if (!data || !isRecord(data.libraries)) return [];
  const versions = isRecord(data.versions) ? data.versions : {};
  const out: Observation[] = [];
  for (const lib of Object.values(data.libraries)) {
    const module = typeof lib === 'string' ? lib.split(':').slice(0, 2).join(':') : undefined;
    if (typeof lib === 'string') {
      if (module === COORDINATE) out.push(...[observation(lib.split(':')[2], file)].filter((o) => !!o));
      continue;
    }
    if (!isRecord(lib)) continue;
    const coordinate = asString(lib.module) ?? `${asString(lib.group)}:${asString(lib.name)}`;
    if (coordinate !== COORDINATE) continue;
    const v = lib.version;
    const spec = isRecord(v)
      ? isRecord(v) && typeof v.ref === 'string'
        ? asString(versions[v.ref])
        : asString(v.strictly ?? v.require)
      : asString(v);
    const o = observation(spec, file);
    if (o) out.push(o);
  }
  return out;
}
