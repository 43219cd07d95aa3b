import type { SdkCorpusData } from '../corpus/sdk-surface.js';
import type { Doc, ReferenceEntry, ReferenceLanguage, Section } from '../corpus/types.js';
import { LANGUAGE_LABELS } from './language.js';
import { sdkAddendum } from './sdk-reference.js';

export interface LanguageView {
  sections: Section[];
  /** The language actually shown (may fall back to curl when the doc lacks the asked one). */
  shown: ReferenceLanguage;
  /** Languages this doc has reference entries for. */
  available: ReferenceLanguage[];
  note?: string;
  /** Plain statements about docs methods that are not in the SDK as written (js only). */
  sdkNotes: string[];
  /** Whether the real SDK's signature was shown for any method (so the answer names its version). */
  sdkShown: boolean;
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
export function languageView(doc: Doc, asked: ReferenceLanguage, sdk?: SdkCorpusData): LanguageView {
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
  const sdkNotes: string[] = [];
  let sdkShown = false;
  // The SDK's real signature goes right under the docs' rendering of the method.
  const withSdk = (entry: ReferenceEntry): string => {
    const addendum = sdkAddendum(sdk, doc.path, entry);
    if (addendum) sdkShown = true;
    if (addendum?.note) sdkNotes.push(addendum.note);
    return addendum ? `${entry.markdown.trim()}\n\n${addendum.markdown}` : entry.markdown.trim();
  };
  for (const entry of kept) {
    const body = entry.markdown.trim();
    const at0 = body ? sections.findIndex((s) => s.markdown.includes(body)) : -1;
    if (at0 >= 0) {
      const full = withSdk(entry);
      if (full !== body) {
        const section = sections[at0];
        sections = sections.with(at0, { ...section, markdown: section.markdown.replace(body, () => full) });
      }
      continue;
    }
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
      markdown: `${section.markdown.slice(0, cut)}\n\n${withSdk(entry)}${section.markdown.slice(cut)}`,
    });
  }
  if (orphans.length > 0) sections = [...sections, appendixSection(orphans, shown, withSdk)];
  return { sections, shown, available, note, sdkNotes, sdkShown };
}

function appendixSection(
  entries: ReferenceEntry[],
  language: ReferenceLanguage,
  render: (e: ReferenceEntry) => string,
): Section {
  const heading = `${LANGUAGE_LABELS[language]} SDK`;
  return {
    anchor: `sdk-${language}`,
    heading,
    depth: 2,
    headingPath: [heading],
    markdown: [`## ${heading}`, ...entries.map(render)].join('\n\n'),
    identifiers: [],
  };
}
