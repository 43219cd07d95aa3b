import type { NavContext, NavLink } from '../nav.js';
import type { DocPage } from '../read-doc.js';
import type { TocPage } from '../toc.js';
import { DEFAULT_MAX_TOKENS } from '../budget.js';
import { LANGUAGE_LABELS } from '../language.js';
import { definedArgs, type CallArgs, type Face } from '../face.js';

const MAX_NAV_LINKS = 10;
const MAX_DESCRIPTION = 300;
/** Headings listed per page in the outline of a multi-page answer. */
const MAX_OUTLINE_HEADINGS = 10;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function links(list: NavLink[]): string {
  const shown = list.slice(0, MAX_NAV_LINKS).map((l) => `${l.title} \`${l.path}\``);
  if (list.length > MAX_NAV_LINKS) shown.push(`+${list.length - MAX_NAV_LINKS} more`);
  return shown.join(' · ');
}

export function formatNav(nav: NavContext): string[] {
  const lines: string[] = [];
  const up = nav.parent ?? nav.area;
  if (up) lines.push(`- Up: ${up.title} \`${up.path}\``);
  if (nav.children.length > 0) lines.push(`- Pages below: ${links(nav.children)}`);
  if (nav.siblings.length > 0) lines.push(`- Next to it: ${links(nav.siblings)}`);
  return lines.length > 0 ? ['**Navigation**', ...lines] : [];
}

function kTokens(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}

/** For a multi-page answer: which top-level headings land on which page, and their sizes. */
export function formatOutline(page: DocPage): string[] {
  if (page.pages <= 1) return [];
  const top = Math.min(...page.outline.map((o) => o.depth));
  const lines = [`**Outline** (page: headings, ~tokens)`];
  for (let p = 1; p <= page.pages; p++) {
    const entries = page.outline.filter((o) => o.page === p);
    const tokens = entries.reduce((n, o) => n + o.tokens, 0);
    const heads = entries.filter((o) => o.depth <= top + 1).map((o) => clip(o.heading, 50));
    const listed =
      heads.slice(0, MAX_OUTLINE_HEADINGS).join(' · ') +
      (heads.length > MAX_OUTLINE_HEADINGS ? ` +${heads.length - MAX_OUTLINE_HEADINGS}` : '');
    lines.push(
      `- ${p === page.page ? `**${p}** (this page)` : p}: ${listed || '(continued)'} — ~${kTokens(tokens)}`,
    );
  }
  return lines;
}

/** Arguments of the read operation that fetch page `n` of the same answer. */
function pageArgs(page: DocPage, n: number): CallArgs {
  return Object.fromEntries(
    definedArgs({
      path: page.path,
      section: page.section?.anchor,
      language: page.language,
      maxTokens: page.maxTokens === DEFAULT_MAX_TOKENS ? undefined : page.maxTokens,
      page: n,
    }),
  );
}

function pageCall(page: DocPage, n: number, face: Face): string {
  return face.call('read', pageArgs(page, n));
}

/** Arguments that read the following page, or undefined on the last one. */
export function nextPageArgs(page: DocPage): CallArgs | undefined {
  return page.page < page.pages ? pageArgs(page, page.page + 1) : undefined;
}

/** The call that reads the following page, or undefined on the last one. */
export function nextPageCall(page: DocPage, face: Face): string | undefined {
  const args = nextPageArgs(page);
  return args ? face.call('read', args) : undefined;
}

/** Some pages open with an H1 equal to their title; the answer's own heading already says it. */
function withoutRepeatedTitle(markdown: string, title: string): string {
  const firstLine = markdown.split('\n', 1)[0];
  // Compared as text: `# Passwordless Session \[Deprecated]` repeats the title "Passwordless Session [Deprecated]".
  const heading = firstLine.replace(/^#\s+/, '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
  if (heading.trim().toLowerCase() !== title.trim().toLowerCase() || !firstLine.startsWith('# ')) {
    return markdown;
  }
  return markdown.slice(firstLine.length).trimStart();
}

export function formatDocPage(page: DocPage, face: Face): string {
  const meta = [`\`${page.path}\``, page.url];
  if (page.section) meta.push(`section \`${page.section.anchor}\``);
  // a section read stands alone: where it sits on the page tells "Ports" under "Sign-out redirect" apart
  if (page.section && page.section.headingPath.length > 1) meta.push(page.section.headingPath.join(' › '));
  if (page.language) meta.push(`${LANGUAGE_LABELS[page.language]} only`);
  if (page.pages > 1) meta.push(`page ${page.page} of ${page.pages}`);
  const out = [`# ${page.title}`, meta.join(' · ')];
  const body = withoutRepeatedTitle(page.markdown.trim(), page.title);
  const description = page.description.replace(/\s+/g, ' ').trim();
  // Many pages open with their description as the first paragraph; say it once.
  const repeated = description !== '' && body.replace(/\s+/g, ' ').startsWith(description.slice(0, 80));
  if (page.page === 1 && !page.section && description && !repeated)
    out.push('', `> ${clip(description, MAX_DESCRIPTION)}`);
  for (const note of page.notes) out.push('', `_Note: ${note}_`);
  const empty =
    page.nav.children.length > 0
      ? '_(This page only groups the pages below.)_'
      : '_(This page has no text.)_';
  out.push('', body || empty);

  const footer: string[] = [];
  if (page.pages > 1) {
    footer.push(...formatOutline(page));
    const next = nextPageCall(page, face);
    footer.push(next ? `Next page: ${next}` : `Last page. First page: ${pageCall(page, 1, face)}`);
  }
  // the neighbours of the page say nothing about one section of it
  if (!page.section) footer.push(...formatNav(page.nav));
  if (footer.length > 0) out.push('', '---', ...footer);
  return out.join('\n');
}

/** Arguments that read the next page of the contents, or undefined on the last one. */
export function tocNextArgs(toc: TocPage): CallArgs | undefined {
  return toc.page < toc.pages
    ? Object.fromEntries(definedArgs({ path: toc.product, page: toc.page + 1 }))
    : undefined;
}

/** The call that reads the next page of the contents, or undefined on the last one. */
export function tocNextCall(toc: TocPage, face: Face): string | undefined {
  const args = tocNextArgs(toc);
  return args ? face.call('read', args) : undefined;
}

/** The contents' title, the same in the text and the structured answer. */
export function tocTitle(toc: TocPage): string {
  return toc.product ? `${toc.areas[0].title} — contents` : 'WorkOS docs — table of contents';
}

export function formatToc(toc: TocPage, face: Face): string {
  const area = toc.product ? toc.areas[0] : undefined;
  const out = [`# ${tocTitle(toc)}`];
  const meta = [
    area ? `${area.pages} page${area.pages === 1 ? '' : 's'}` : `${toc.areas.length} product areas`,
  ];
  if (toc.pages > 1) meta.push(`page ${toc.page} of ${toc.pages}`);
  const example = toc.markdown.match(/`([a-z0-9-]+\/[^`]+)`/)?.[1] ?? 'sso/jit-provisioning';
  out.push(`${meta.join(' · ')}. Read a page: ${face.call('read', { path: example })}`, '', toc.markdown);
  const next = tocNextCall(toc, face);
  if (next) out.push('', `Next page: ${next}`);
  return out.join('\n');
}
