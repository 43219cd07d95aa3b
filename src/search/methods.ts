import type { Corpus, ReferenceEntry, ReferenceLanguage } from '../corpus/types.js';

/**
 * SDK method names spelled in a question (`getAuthorizationUrl`, `workos.sso.getProfileAndToken`,
 * `$auditLogs->createEvent()`, `WorkOS::UserManagement.create_user`) matched against the methods
 * the reference pages define, per language. A reference page that defines the method as written is
 * the answer to "what does this call take"; the SDK API pages (kind `api`, from the JavaScript
 * packages' declarations) are the answer only when the question is about the SDK surface itself
 * (types, signatures, a package) or when the docs spell the method differently from the SDK.
 */

/** A method name as written: its segments in lower case without separators, and the last one as typed. */
interface Spelling {
  /** `['sso', 'getprofileandtoken']` for `workos.sso.getProfileAndToken`. */
  segments: string[];
  /** The method's own name exactly as typed (`getProfileAndToken`, `create_user`, `CreateUser`). */
  name: string;
}

/** Identifier-ish runs: dotted, `->`, `::` and `/` chains of names, with an optional `$` and `()`. */
const CALL = /\$?[A-Za-z_][\w]*(?:(?:\.|->|::)\$?[A-Za-z_][\w]*)*(?:\(\))?/g;

/** Client objects that prefix calls but are not part of a method's name. */
const CLIENT_PREFIXES = new Set(['workos', 'client', 'workosclient', 'workos_client']);

function spell(text: string): Spelling | undefined {
  const parts = text
    .replace(/\(\)$/, '')
    .split(/\.|->|::/)
    .map((p) => p.replace(/^\$/, ''))
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const segments = parts.map((p) => p.replace(/_/g, '').toLowerCase());
  while (segments.length > 1 && CLIENT_PREFIXES.has(segments[0])) segments.shift();
  return { segments, name: parts[parts.length - 1] };
}

/** Shaped like a method name: camelCase, snake_case, PascalCase with two capitals, or a call chain. */
function isMethodShaped(token: string, name: string): boolean {
  return (
    /[.>:]/.test(token) ||
    /\(\)$/.test(token) ||
    /_/.test(name) ||
    /^[a-z]+[A-Z]/.test(name) ||
    /^[A-Z][a-z]+[A-Z]/.test(name)
  );
}

/** Method names a question spells (at most a few: a pasted file is not a list of questions). */
export function spelledMethods(text: string, max = 6): Spelling[] {
  const out: Spelling[] = [];
  for (const m of text.matchAll(CALL)) {
    const s = spell(m[0]);
    if (s && isMethodShaped(m[0], s.name)) out.push(s);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * The language a call's own syntax gives away: `$x->y()` is PHP, `WorkOS::Module` Ruby. Other
 * spellings are shared by several SDKs (camelCase: JavaScript and Java) and give none.
 */
export function languageOfSyntax(text: string): ReferenceLanguage | undefined {
  if (/\$[A-Za-z_]\w*->[A-Za-z_]/.test(text)) return 'php';
  if (/\bWorkOS::[A-Z]\w*/.test(text)) return 'ruby';
  return undefined;
}

/**
 * Questions about the SDK surface: its types, signatures, declarations or a package by name. These
 * are what the declaration pages answer better than the reference.
 */
const SURFACE =
  /@workos-inc\/|\b(?:signature|declarations?|d\.ts|typescript types?|types?|typed|interface|return type|generics?|overloads?|exports?|exported|import(?:ed)?)\b/i;

export function asksSdkSurface(text: string): boolean {
  return SURFACE.test(text);
}

interface DefinedMethod {
  doc: number;
  language: ReferenceLanguage;
  spelling: Spelling;
}

/** Every SDK method a reference page defines, by its own name as written. */
/** An SDK language's reference entry titled by its method (`sso.getProfileAndToken()`), not curl's endpoint. */
export function definesSdkMethod(entry: ReferenceEntry): boolean {
  return entry.language !== 'curl' && /\(\)?\s*$/.test(entry.title);
}

export class MethodIndex {
  // Built on the first question that spells a method: most questions spell none, and walking every
  // reference entry was a tenth of the index's start-up.
  private names?: Map<string, DefinedMethod[]>;

  constructor(private readonly corpus: Corpus) {}

  private byName(): Map<string, DefinedMethod[]> {
    if (this.names) return this.names;
    const byName = new Map<string, DefinedMethod[]>();
    this.corpus.docs.forEach((d, doc) => {
      if (d.kind !== 'reference') return;
      for (const r of d.reference) {
        if (!definesSdkMethod(r)) continue;
        const spelling = spell(r.title.trim());
        if (!spelling) continue;
        const list = byName.get(spelling.name) ?? [];
        list.push({ doc, language: r.language, spelling });
        byName.set(spelling.name, list);
      }
    });
    this.names = byName;
    return byName;
  }

  /**
   * Reference docs defining a method the question spells exactly (same name, same case; the
   * qualifier, when the question writes one, must agree), in the asked language when there is one.
   */
  definedBy(text: string, language: ReferenceLanguage | undefined): Set<number> {
    const out = new Set<number>();
    const spelled = spelledMethods(text);
    if (spelled.length === 0) return out;
    const byName = this.byName();
    for (const s of spelled) {
      for (const m of byName.get(s.name) ?? []) {
        if (language && m.language !== language) continue;
        if (s.segments.length > 1 && !sameQualifier(s.segments, m.spelling.segments)) continue;
        out.add(m.doc);
      }
    }
    return out;
  }
}

/** `sso` agrees with `sso` and `ssoService` (.NET names its clients `...Service`); `adminPortal` not with `portal`. */
function sameQualifier(asked: string[], defined: string[]): boolean {
  const a = asked[asked.length - 2];
  const d = defined[defined.length - 2];
  if (d === undefined) return true;
  return a === d || `${a}service` === d;
}
