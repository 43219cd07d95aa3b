import type { Doc, ReferenceEntry, ReferenceLanguage, Section } from '../corpus/types.js';
import { LANGUAGE_LABELS } from './language.js';

export interface LanguageView {
  sections: Section[];
  /** The language actually shown (may fall back to curl when the doc lacks the asked one). */
  shown: ReferenceLanguage;
  /** Languages this doc has reference entries for. */
  available: ReferenceLanguage[];
  note?: string;
}

export function referenceLanguages(doc: Doc): ReferenceLanguage[] {
  return [...new Set(doc.reference.map((r) => r.language))];
}

/** The one-line-per-language "SDK methods" list ingest puts under an endpoint; redundant once one SDK is shown in full. */
const SDK_SUMMARY = /\*\*SDK methods:\*\*\n\n(?:- .*(?:\n|$))+/g;

/**
 * Keeps one SDK's rendering of each reference entry beside the HTTP endpoint (curl).
 * Other languages' renderings are cut out of the section Markdown; the kept SDK's rendering is
 * placed right after its endpoint (or appended when the page has no endpoint rendering), so a
 * reader asking for `language` always gets that SDK's method with its parameters.
 */
export function languageView(doc: Doc, asked: ReferenceLanguage): LanguageView {
  const available = referenceLanguages(doc);
  let shown = asked;
  let note: string | undefined;
  if (!available.includes(asked)) {
    shown = available.includes('curl') ? 'curl' : available[0];
    note = `No ${LANGUAGE_LABELS[asked]} rendering on this page; showing ${LANGUAGE_LABELS[shown]}. Available: ${available.join(', ')}.`;
  }
  const keep = new Set<ReferenceLanguage>(['curl', shown]);
  const dropped = doc.reference.filter((r) => !keep.has(r.language) && r.markdown.trim() !== '');
  const kept = shown === 'curl' ? [] : doc.reference.filter((r) => r.language === shown);

  let sections = doc.sections.map((s) => {
    let markdown = s.markdown;
    for (const entry of dropped) markdown = markdown.split(entry.markdown.trim()).join('');
    if (shown !== 'curl') markdown = markdown.replace(SDK_SUMMARY, '');
    return markdown === s.markdown ? s : { ...s, markdown: markdown.replace(/\n{3,}/g, '\n\n').trimEnd() };
  });
  const orphans: ReferenceEntry[] = [];
  for (const entry of kept) {
    const body = entry.markdown.trim();
    if (sections.some((s) => s.markdown.includes(body))) continue;
    const endpoint = doc.reference.find((r) => r.language === 'curl' && r.id === entry.id)?.markdown.trim();
    const at = endpoint ? sections.findIndex((s) => s.markdown.includes(endpoint)) : -1;
    if (at < 0 || !endpoint) {
      orphans.push(entry);
      continue;
    }
    const section = sections[at];
    const cut = section.markdown.indexOf(endpoint) + endpoint.length;
    sections = sections.with(at, {
      ...section,
      markdown: `${section.markdown.slice(0, cut)}\n\n${body}${section.markdown.slice(cut)}`,
    });
  }
  if (orphans.length > 0) sections = [...sections, appendixSection(orphans, shown)];
  return { sections, shown, available, note };
}

function appendixSection(entries: ReferenceEntry[], language: ReferenceLanguage): Section {
  const heading = `${LANGUAGE_LABELS[language]} SDK`;
  return {
    anchor: `sdk-${language}`,
    heading,
    depth: 2,
    headingPath: [heading],
    markdown: [`## ${heading}`, ...entries.map((e) => e.markdown.trim())].join('\n\n'),
    identifiers: [],
  };
}
