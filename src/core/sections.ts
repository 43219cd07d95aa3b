import { siteSlug } from './section-paths.js';
import GithubSlugger from 'github-slugger';
import type { Doc, Section } from '../corpus/types.js';
import { MAX_PATH_LENGTH } from './paths.js';
import { InvalidArgumentError, SectionNotFoundError } from './errors.js';

function plain(text: string): string {
  return text.toLowerCase().replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();
}

/** Finds a section by anchor, by heading text, or by slug of the text; intro ('') is never matched. */
export function findSection(doc: Doc, wanted: string): number {
  if (wanted.length > MAX_PATH_LENGTH)
    throw new InvalidArgumentError('section', 'section is too long; pass an anchor or a heading.');
  const raw = wanted.trim().replace(/^#/, '');
  const slug = new GithubSlugger().slug(raw);
  const text = plain(raw);
  const candidates: ((s: Section) => boolean)[] = [
    (s) => s.anchor === raw,
    (s) => s.anchor.toLowerCase() === raw.toLowerCase(),
    (s) => plain(s.heading) === text,
    (s) => s.anchor === slug,
    (s) => text.length >= 3 && plain(s.heading).includes(text),
    // The docs site's slug (`dsync-activated` for `dsync.activated`), and a heading since renamed
    // around the linked words (`#middleware-auth` in a README, now "Proxy / Middleware auth").
    (s) => siteSlug(s.heading) === raw.toLowerCase(),
    (s) => raw.length >= 3 && s.anchor.endsWith(`-${raw.toLowerCase()}`),
  ];
  for (const match of candidates) {
    const index = doc.sections.findIndex((s) => s.depth > 0 && match(s));
    if (index >= 0) return index;
  }
  throw new SectionNotFoundError(
    doc.path,
    wanted.slice(0, 80),
    doc.sections.filter((s) => s.depth > 0).map((s) => ({ anchor: s.anchor, heading: s.heading })),
  );
}

/** The section at `index` followed by its subsections (until a heading of the same or higher level). */
export function sectionWithSubsections(sections: Section[], index: number): Section[] {
  const head = sections[index];
  const out = [head];
  for (let i = index + 1; i < sections.length; i++) {
    if (sections[i].depth <= head.depth) break;
    out.push(sections[i]);
  }
  return out;
}
