import type { Nodes, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';

/** Dotted calls in code (`workos.sso.getAuthorizationUrl(`, `$organizations->listOrganizations(`). */
const CALL = /(?:[A-Za-z_$][\w$]*(?:\.|->|::))+[A-Za-z_$][\w$]*(?=\s*\()/g;
const ENDPOINT = /\b(GET|POST|PUT|PATCH|DELETE)\s+(\/[\w/{}:.-]*)/g;
const MAX_INLINE = 80;
const MAX_PER_SECTION = 60;

/** Type names and literals say nothing about where a thing is documented. */
const NOISE =
  /^(?:string|str|number|int|integer|float|double|bool|boolean|object|dict|hash|array|list|map|any|void|null|nil|none|true|false|error|\d+|["'].*["']|[\w.]*\[\])$/i;

function add(set: Set<string>, value: string): void {
  const v = value.trim();
  if (v && v.length <= MAX_INLINE && !NOISE.test(v)) set.add(v);
}

/**
 * Identifiers a developer would search for: inline code, method calls and endpoint paths.
 * `organizations.create_organization()` also yields `create_organization`; `POST /organizations` yields `/organizations`.
 */
export function collectIdentifiers(nodes: RootContent[]): string[] {
  const found = new Set<string>();
  const addCall = (call: string): void => {
    add(found, call);
    const bare = call.replace(/\(\)$/, '');
    const last = bare.split(/\.|->|::/).at(-1);
    if (last && last !== bare) add(found, last);
  };
  const addInline = (value: string): void => {
    const v = value.trim();
    ENDPOINT.lastIndex = 0;
    const ep = ENDPOINT.exec(v);
    if (ep) {
      add(found, v);
      add(found, ep[2]);
    } else if (/^[\w$.:>-]+\(\)$/.test(v)) addCall(v);
    else add(found, v);
  };
  for (const node of nodes) {
    visit(node as Nodes, (n) => {
      if (n.type === 'inlineCode') addInline(n.value);
      else if (
        n.type === 'html' &&
        (n.data as { referenceMarkdown?: boolean } | undefined)?.referenceMarkdown
      ) {
        // Rendered API reference: its code spans are the method names, endpoints and parameters.
        for (const m of n.value.matchAll(/`([^`\n]+)`/g)) addInline(m[1]);
      } else if (n.type === 'code') {
        for (const m of n.value.matchAll(CALL)) addCall(m[0]);
        for (const m of n.value.matchAll(ENDPOINT)) add(found, m[2]);
      }
    });
  }
  return [...found].slice(0, MAX_PER_SECTION);
}
