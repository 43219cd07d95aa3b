/** Shapes of the `reference:` frontmatter as written in the WorkOS docs (loosely typed: it is YAML). */
export interface RawField {
  key?: string;
  type?: unknown;
  optional?: boolean;
  description?: string;
  properties?: RawItem[];
  parameters?: RawItem[];
}

/** A field list item: a full field, or a shorthand like `(organization.name)` / `(ctx)`. */
export type RawItem = RawField | string;

export interface RawEntry extends RawField {
  id?: string;
  title?: string;
  url?: string;
  returns?: RawItem[];
}

export const SHORTHAND = /^\(\s*([A-Za-z_$][\w$-]*)(?:\.([A-Za-z_$][\w$-]*))?\s*\)$/;
export const DESCRIPTION_REF = /^\(\s*([A-Za-z_$][\w$.-]*)\s*\)$/;

export function asEntries(value: unknown): RawEntry[] {
  return Array.isArray(value) ? value.filter((e): e is RawEntry => !!e && typeof e === 'object') : [];
}

export function asItems(value: unknown): RawItem[] {
  return Array.isArray(value)
    ? value.filter((e): e is RawItem => typeof e === 'string' || (!!e && typeof e === 'object'))
    : [];
}
