import type * as TS from 'typescript';
import type { HttpEndpoint } from '../../../corpus/sdk-surface.js';
import type { TypeScript } from './program.js';

export interface DocInfo {
  summary: string;
  description: string;
  deprecated?: string;
  examples: string[];
  endpoint?: HttpEndpoint;
  /** `@param` texts by parameter name. */
  params: Map<string, string>;
}

const ENDPOINT = /\b(GET|POST|PUT|PATCH|DELETE)\s+(\/[A-Za-z0-9_{}:.\-/]*[A-Za-z0-9_}])/;

/** JSDoc of a symbol (merged over its declarations, as editors show it), split into the parts we serve. */
export function docInfo(
  ts: TypeScript,
  checker: TS.TypeChecker,
  symbol: TS.Symbol,
  decl?: TS.Declaration,
): DocInfo {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const tags = decl ? ts.getJSDocTags(decl) : [];
  const tagInfos = tags.length
    ? tags.map((t) => ({ name: t.tagName.text, text: tagText(ts, t) }))
    : symbol.getJsDocTags(checker).map((t) => ({ name: t.name, text: ts.displayPartsToString(t.text) }));
  const [first, ...rest] = text.split(/\n\s*\n/);
  const params = new Map<string, string>();
  const examples: string[] = [];
  let deprecated: string | undefined;
  for (const tag of tagInfos) {
    if (tag.name === 'deprecated') deprecated = clean(tag.text);
    else if (tag.name === 'example') examples.push(tag.text.replace(/^\s*\n/, '').trimEnd());
    else if (tag.name === 'param') {
      const m = /^\s*(?:\{[^}]*\}\s*)?\[?([\w$.]+)[^\s]*\s*(?:-\s*)?([\s\S]*)$/.exec(tag.text);
      if (m) params.set(m[1], clean(m[2]));
    }
  }
  const endpointMatch = ENDPOINT.exec(text) ?? tagInfos.map((t) => ENDPOINT.exec(t.text)).find(Boolean);
  return {
    summary: clean(first ?? ''),
    description: rest.join('\n\n').trim(),
    ...(deprecated !== undefined ? { deprecated } : {}),
    examples,
    ...(endpointMatch ? { endpoint: { method: endpointMatch[1], path: endpointMatch[2] } } : {}),
    params,
  };
}

function tagText(ts: TypeScript, tag: TS.JSDocTag): string {
  const comment = ts.getTextOfJSDocComment(tag.comment) ?? '';
  // `@param name - text`: the name is a child node, not part of the comment.
  if (ts.isJSDocParameterTag(tag)) return `${tag.name.getText()} ${comment}`;
  return comment;
}

/** Plain description text for one field or parameter. */
export function symbolText(ts: TypeScript, checker: TS.TypeChecker, symbol: TS.Symbol): string {
  return clean(ts.displayPartsToString(symbol.getDocumentationComment(checker)));
}

export function symbolDeprecated(
  checker: TS.TypeChecker,
  ts: TypeScript,
  symbol: TS.Symbol,
): string | undefined {
  const tag = symbol.getJsDocTags(checker).find((t) => t.name === 'deprecated');
  return tag ? clean(ts.displayPartsToString(tag.text)) : undefined;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
