/** Loose semver: `1.2.3`, `v1.2.3`, `1.2.3-beta.1`, `1.2` (missing parts are 0). */
const SEMVER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function isVersion(text: string): boolean {
  return SEMVER.test(text.trim());
}

/** Drops a leading `v` so `v1.2.0` and `1.2.0` are the same version. */
export function normalizeVersion(text: string): string {
  return text.trim().replace(/^v(?=\d)/, '');
}

/** Negative when a < b, positive when a > b; unparseable versions sort last. */
export function compareVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a.trim());
  const pb = SEMVER.exec(b.trim());
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i] ?? 0) - Number(pb[i] ?? 0);
    if (d !== 0) return d;
  }
  // A release outranks its own prereleases (1.0.0 > 1.0.0-beta).
  const preA = pa[4];
  const preB = pb[4];
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA.localeCompare(preB, 'en', { numeric: true });
}

/** Which part changed from `from` to the newer `to` (`major`, `minor`, `patch`); undefined when not a step up. */
export function semverBump(from: string, to: string): 'major' | 'minor' | 'patch' | undefined {
  const a = SEMVER.exec(from.trim());
  const b = SEMVER.exec(to.trim());
  if (!a || !b || compareVersions(to, from) <= 0) return undefined;
  if (Number(b[1]) !== Number(a[1])) return 'major';
  if (Number(b[2] ?? 0) !== Number(a[2] ?? 0)) return 'minor';
  return 'patch';
}
