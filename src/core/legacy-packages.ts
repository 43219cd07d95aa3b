import type { ReferenceLanguage, SourceInfo } from '../corpus/types.js';
import { LANGUAGE_LABELS, normalizeLanguage } from './language.js';

/**
 * The old `@workos/mcp-docs-server` told models to ask its changelog tool for `@workos/node`,
 * `@workos/python`, `@workos/ruby`, `@workos/go`, `@workos/php`. Clients and prompts written for it
 * still send those names, so they are understood: mapped to the SDK package we have a changelog
 * for, or answered (not rejected) with why there is none and what there is instead.
 */
export type LegacyChoice =
  { kind: 'mapped'; pkg: string; note: string } | { kind: 'unavailable'; name: string; notes: string[] };

/** npm names of the SDKs published there; the others live only on their own registries. */
const NPM_SDK: Partial<Record<ReferenceLanguage, string>> = { js: '@workos-inc/node' };
// The reference's display names, but the JavaScript SDK is the Node package here.
const SDK_LABEL: Record<Exclude<ReferenceLanguage, 'curl'>, string> = { ...LANGUAGE_LABELS, js: 'Node' };

/** `@workos/node`, `@workos-inc/python`, `workos-ruby`, `workos-go` -> the SDK language, else undefined. */
export function legacySdkLanguage(asked: string): Exclude<ReferenceLanguage, 'curl'> | undefined {
  const m = /^(?:@workos(?:-inc)?\/|workos[-_])?([a-z.#]+)$/i.exec(asked.trim());
  if (!m) return undefined;
  try {
    const lang = normalizeLanguage(m[1]);
    return lang === 'curl' ? undefined : lang;
  } catch {
    return undefined;
  }
}

export function resolveLegacyPackage(
  asked: string,
  available: string[],
  sources: SourceInfo[],
): LegacyChoice | undefined {
  const lang = legacySdkLanguage(asked);
  if (!lang) return undefined;
  const label = SDK_LABEL[lang];
  const npmName = NPM_SDK[lang];
  const shown = asked.trim().slice(0, 60);
  if (npmName && available.includes(npmName))
    return {
      kind: 'mapped',
      pkg: npmName,
      note: `"${shown}" is read as \`${npmName}\`, the ${label} SDK package.`,
    };
  const ingested = npmName ? sources.find((s) => s.name === npmName) : undefined;
  const why = ingested
    ? `its npm package \`${npmName}\`${ingested.version ? ` (${ingested.version}, in this corpus)` : ''} ships no CHANGELOG.md`
    : npmName
      ? `its npm package \`${npmName}\` is not among this corpus's sources`
      : `the ${label} SDK is not published on npm, the only registry this corpus is built from`;
  return {
    kind: 'unavailable',
    name: shown,
    notes: [
      `No changelog for the WorkOS ${label} SDK ("${shown}"): ${why}.`,
      '`workos-platform` carries the platform announcements, including SDK-relevant API changes.',
      `For the ${label} SDK's current methods, read an API reference page with language "${lang === 'js' ? 'node' : lang}", or search the docs.`,
    ],
  };
}
