import type { ReferenceField, ReferenceLanguage } from '../../corpus/types.js';
import { absolutiseMarkdownLinks } from '../doc-paths.js';
import { asItems, DESCRIPTION_REF, SHORTHAND, type RawEntry, type RawField, type RawItem } from './raw.js';
import { normalise, type ReferenceRegistry } from './registry.js';

/**
 * YAML block scalars keep the source's hard wraps ("…has confirmed\nto you that…"): join wrapped lines
 * into one, keeping paragraph breaks and list items.
 */
export function tidy(markdown: string): string {
  return markdown.replace(/([^\n])\n(?![\n\s]*(?:[-*+]|\d+\.)\s|\n)[ \t]*/g, '$1 ');
}

/** Resolves description references and shorthand fields against the registry, recording what fails. */
export class FieldResolver {
  readonly unresolved: string[] = [];

  constructor(
    private readonly registry: ReferenceRegistry,
    private readonly baseUrl: string,
  ) {}

  private miss(file: string, what: string): void {
    this.unresolved.push(`${file}: ${what}`);
  }

  /** `(organization.name)` -> the registered text; a literal description is kept. Links become absolute. */
  description(raw: unknown, file: string): string {
    if (typeof raw !== 'string') return '';
    const trimmed = raw.trim();
    const ref = DESCRIPTION_REF.exec(trimmed);
    let value = trimmed;
    if (ref) {
      const found = this.registry.description(ref[1]);
      if (found === undefined) {
        if (!this.registry.isGroup(ref[1])) this.miss(file, trimmed);
        return '';
      }
      value = found.trim();
    }
    return tidy(absolutiseMarkdownLinks(value, this.baseUrl));
  }

  fields(items: unknown, language: ReferenceLanguage, file: string, depth = 0): ReferenceField[] {
    return asItems(items)
      .map((item) => this.field(item, language, file, depth))
      .filter((f): f is ReferenceField => !!f);
  }

  field(item: RawItem, language: ReferenceLanguage, file: string, depth = 0): ReferenceField | undefined {
    if (typeof item === 'string') return this.shorthand(item, language, file, depth);
    return this.fromRaw(item, language, file, depth);
  }

  private fromRaw(
    raw: RawField,
    language: ReferenceLanguage,
    file: string,
    depth: number,
    nameOverride?: string,
  ): ReferenceField {
    const field: ReferenceField = {
      name: nameOverride ?? String(raw.key ?? ''),
      description: this.description(raw.description, file),
    };
    // YAML block scalars (`type: |` then `"totp" | "sms"`) keep their newline: a type is one line of inline code.
    if (raw.type !== undefined && raw.type !== null)
      field.type = String(raw.type).replace(/\s+/g, ' ').trim();
    if (raw.optional === true) field.optional = true;
    // Guard against self-referencing objects in hand-written YAML.
    if (depth < 6) {
      const children = this.fields(raw.properties ?? raw.parameters, language, file, depth + 1);
      if (children.length) field.children = children;
    }
    return field;
  }

  /**
   * `(organization.name)`: the `name` property of the `organization` object as defined in any doc
   * (type and optionality come from there). `(ctx)`, `(limit)`: a top-level entry defined once and
   * reused. `(organization)`: the object itself, described by `organization.self`.
   */
  private shorthand(
    item: string,
    language: ReferenceLanguage,
    file: string,
    depth: number,
  ): ReferenceField | undefined {
    const m = SHORTHAND.exec(item.trim());
    if (!m) {
      this.miss(file, `unrecognised field ${JSON.stringify(item)}`);
      return undefined;
    }
    const [, owner, prop] = m;
    const candidates = this.registry.lookup(language, owner);
    if (prop) {
      for (const { entry, file: defFile } of candidates) {
        const props = asItems(entry.properties ?? entry.parameters).filter(
          (p): p is RawField => typeof p === 'object',
        );
        const hit =
          props.find((p) => p.key === prop) ??
          props.find((p) => typeof p.key === 'string' && p.key.toLowerCase() === prop.toLowerCase()) ??
          props.find((p) => typeof p.key === 'string' && normalise(p.key) === normalise(prop));
        if (hit) return this.fromRaw(hit, language, defFile, depth, prop);
      }
      const text = this.registry.description(`${owner}.${prop}`);
      if (text !== undefined)
        return { name: prop, description: absolutiseMarkdownLinks(text.trim(), this.baseUrl) };
      this.miss(file, item.trim());
      return undefined;
    }
    const entry = candidates[0];
    if (entry) return this.wholeEntry(entry.entry, owner, language, entry.file, depth);
    const text = this.registry.description(owner);
    if (text !== undefined)
      return { name: owner, description: absolutiseMarkdownLinks(text.trim(), this.baseUrl) };
    this.miss(file, item.trim());
    return undefined;
  }

  private wholeEntry(
    entry: RawEntry,
    name: string,
    language: ReferenceLanguage,
    file: string,
    depth: number,
  ): ReferenceField {
    // A reusable field definition (`ctx`, `limit`): copy it.
    if (entry.title === undefined && entry.properties === undefined)
      return this.fromRaw(entry, language, file, depth, name);
    // An object (`organization`): name it and link to its definition rather than inlining every property.
    const described =
      entry.description !== undefined
        ? this.description(entry.description, file)
        : this.registry.description(`${name}.self`);
    const field: ReferenceField = {
      name,
      description: described ? absolutiseMarkdownLinks(described.trim(), this.baseUrl) : '',
    };
    if (!field.description && entry.url)
      field.description = `See ${absolutiseMarkdownLinks(`[${name}](${entry.url})`, this.baseUrl)}.`;
    return field;
  }
}
