interface TermDictionary {
  has(term: string): boolean;
  get(term: string): Map<number, Map<number, number>> | undefined;
}

/** Share of sections above which a weak term is too common to search for. */
const COMMON_TERM_SHARE = 0.12;
/** Share of section bodies above which a word says nothing about a section (see searcher rank). */
const EVERYWHERE_SHARE = 0.25;

/**
 * What the index knows about terms: whether a term exists and in how many sections. MiniSearch keeps
 * its term dictionary private; reading it lets fuzzy matching run only for words the corpus lacks
 * (typos), which keeps search both precise and fast. If a MiniSearch upgrade hides it, every term
 * looks unknown: search still works, with more fuzzy matching.
 */
export class Vocabulary {
  private readonly dict: TermDictionary;

  /** Field ids of the fields weak terms are searched in (see isCommon). */
  private readonly weakFieldIds: Set<number>;
  private readonly bodyFieldId: number | undefined;

  constructor(
    index: object,
    private readonly units: number,
    weakFields: readonly string[],
  ) {
    const dict = (index as { _index?: TermDictionary })._index;
    const fieldIds = (index as { _fieldIds?: Record<string, number> })._fieldIds ?? {};
    this.bodyFieldId = fieldIds.body;
    this.weakFieldIds = new Set(weakFields.map((f) => fieldIds[f]).filter((id) => id !== undefined));
    this.dict = dict && typeof dict.has === 'function' ? dict : { has: () => false, get: () => undefined };
  }

  has(term: string): boolean {
    return this.dict.has(term);
  }

  /** Sections containing a term in any one field (the largest field's count: cheap and close enough). */
  docFrequency(term: string): number {
    const fields = this.dict.get(term);
    let df = 0;
    if (fields) for (const postings of fields.values()) df = Math.max(df, postings.size);
    return df;
  }

  /**
   * A weak term (synonym or identifier part) found in a large share of sections says little and
   * costs much ("id" from "entra id", "user" from "user_id"); such terms are left out of the search.
   */
  isCommon(term: string): boolean {
    // counted where weak terms are searched: "select" is everywhere in bodies, rare in titles
    const fields = this.dict.get(term);
    let df = 0;
    if (fields)
      for (const [id, postings] of fields) if (this.weakFieldIds.has(id)) df = Math.max(df, postings.size);
    return df > COMMON_TERM_SHARE * this.units;
  }

  /** Sections whose body holds a term. */
  bodyFrequency(term: string): number {
    return this.bodyFieldId === undefined ? 0 : (this.dict.get(term)?.get(this.bodyFieldId)?.size ?? 0);
  }

  /** True for a term found in the body of a large share of sections. */
  isEverywhere(term: string): boolean {
    const body = this.bodyFieldId === undefined ? undefined : this.dict.get(term)?.get(this.bodyFieldId);
    return (body?.size ?? 0) > EVERYWHERE_SHARE * this.units;
  }

  /** Typos only: a word the corpus knows is not fuzzed (that would match "user" to "used"). */
  fuzziness(term: string, weight: number): number | false {
    if (weight < 1 || term.includes('/') || this.has(term)) return false;
    if (term.length >= 8) return 2;
    return term.length >= 4 ? 1 : false;
  }
}
