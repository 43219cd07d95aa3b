import { REFERENCE_LANGUAGES, type ReferenceLanguage } from '../../corpus/types.js';
import { asEntries, type RawEntry } from './raw.js';

export interface RegisteredEntry {
  entry: RawEntry;
  language: ReferenceLanguage;
  file: string;
}

/**
 * Corpus-wide lookup tables for the API reference: every `descriptions:` block flattened to dotted keys,
 * and every `reference:` entry by language and key. Objects are often defined in one file
 * (`reference/organization/index.mdx`) and used by shorthand in many others.
 */
export class ReferenceRegistry {
  readonly descriptions = new Map<string, string>();
  private readonly descriptionsLower = new Map<string, string>();
  private readonly entries = new Map<string, RegisteredEntry[]>();
  /** Dotted keys that name a group of descriptions (`organization_membership.role` holding only `slug`). */
  private readonly groups = new Set<string>();
  /** Entries by normalised key, for case- and separator-insensitive lookups. */
  private readonly byFoldedKey = new Map<string, RegisteredEntry[]>();

  addFrontmatter(file: string, frontmatter: Record<string, unknown>): void {
    this.addDescriptions(frontmatter.descriptions, '');
    const reference = frontmatter.reference;
    if (!reference || typeof reference !== 'object') return;
    for (const [key, list] of Object.entries(reference as Record<string, unknown>)) {
      const language = referenceLanguage(key);
      if (!language) continue;
      for (const entry of asEntries(list)) {
        if (typeof entry.key !== 'string') continue;
        const k = `${language}:${entry.key}`;
        const registered = { entry, language, file };
        this.entries.set(k, [...(this.entries.get(k) ?? []), registered]);
        const folded = normalise(entry.key);
        this.byFoldedKey.set(folded, [...(this.byFoldedKey.get(folded) ?? []), registered]);
      }
    }
  }

  private addDescriptions(value: unknown, prefix: string): void {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const dotted = prefix ? `${prefix}.${key}` : key;
      if (typeof v === 'string') {
        if (!this.descriptions.has(dotted)) this.descriptions.set(dotted, v);
        if (!this.descriptionsLower.has(dotted.toLowerCase()))
          this.descriptionsLower.set(dotted.toLowerCase(), v);
      } else if (v && typeof v === 'object') {
        this.groups.add(dotted.toLowerCase());
        this.addDescriptions(v, dotted);
      }
    }
  }

  /** A dotted key; a key naming a group (`api_key.owner`) means the group's `self` text. */
  description(key: string): string | undefined {
    for (const k of [key, `${key}.self`]) {
      const hit = this.descriptions.get(k) ?? this.descriptionsLower.get(k.toLowerCase());
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  /** True when `key` names a description group with no text of its own: the site shows no description. */
  isGroup(key: string): boolean {
    return this.groups.has(key.toLowerCase());
  }

  /**
   * Entries named `key`, best match first: the same language exactly, then case-insensitively
   * (`Organization` in js is `organization` in curl), then any other language.
   */
  lookup(language: ReferenceLanguage, key: string): RegisteredEntry[] {
    const exact = this.entries.get(`${language}:${key}`) ?? [];
    const folded = (this.byFoldedKey.get(normalise(key)) ?? []).filter((r) => !exact.includes(r));
    const sameLanguageFolded = folded.filter((r) => r.language === language);
    const others = folded
      .filter((r) => r.language !== language)
      .sort((a, b) => rank(a.language) - rank(b.language));
    return [...exact, ...sameLanguageFolded, ...others];
  }
}

/** `external_id`, `externalId` and `ExternalId` name the same field across SDKs. */
export function normalise(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

// curl is the canonical definition when a language lacks its own.
const rank = (l: ReferenceLanguage): number => (l === 'curl' ? -1 : REFERENCE_LANGUAGES.indexOf(l));

export function isLanguage(value: string): value is ReferenceLanguage {
  return (REFERENCE_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language a `reference:` key documents. `json` entries describe wire payloads (authentication
 * error bodies, token claims) — part of the HTTP API, and the only place their codes and fields appear.
 */
export function referenceLanguage(key: string): ReferenceLanguage | undefined {
  if (key === 'json') return 'curl';
  return isLanguage(key) ? key : undefined;
}
