import { symbolMarkdown } from './sdk-markdown.js';
import type { ApiSymbol, DocsSdkLink, SdkSurface } from './sdk-surface.js';
import type { Doc, Section } from './types.js';

export const API_DOC_ROOT = 'sdk-api';

/** `sdk-api/node/adminportal`: doc paths are lower-case like every corpus path; reads accept any case. */
export function apiDocPath(surface: SdkSurface, group?: string): string {
  return [API_DOC_ROOT, surface.slug, ...(group ? [group] : [])].join('/').toLowerCase();
}

/** Section anchor of a symbol inside its doc: its own name, lower-case (`generatelink`). */
export function apiAnchor(symbol: ApiSymbol): string {
  return symbol.name.toLowerCase();
}

/** Where a symbol is read: `sdk-api/node/adminportal/generatelink` (doc + anchor as a path). */
export function apiSymbolPath(surface: SdkSurface, symbol: ApiSymbol): string {
  return `${apiDocPath(surface, symbol.namespace)}/${apiAnchor(symbol)}`;
}

/**
 * The surface as docs of kind `api`, so search, read and the resources reach it like any page:
 * one doc per client namespace (`sdk-api/node/adminportal`, a section per method), one per exported
 * class with members, and one per package for its other exports (`sdk-api/authkit-nextjs`, a section
 * per function, hook or component). A symbol reads back at `<doc>/<name>`.
 */
export function surfaceDocs(surface: SdkSurface, links: DocsSdkLink[]): Doc[] {
  const byGroup = new Map<string, ApiSymbol[]>();
  for (const s of surface.symbols) {
    // Generated, unstable API clients (`@workos-inc/widgets/experimental/api/*`, ~380 hooks) stay in the
    // surface for the check but are not pages: they would crowd search for a few users' benefit.
    if (s.module.includes('/experimental')) continue;
    const key = s.namespace ?? '';
    byGroup.set(key, [...(byGroup.get(key) ?? []), s]);
  }
  const linksOf = (s: ApiSymbol): DocsSdkLink[] =>
    links.filter((l) => l.package === surface.package && l.symbol === s.qualifiedName);
  const docs: Doc[] = [];
  const source = `${surface.package}@${surface.version}`;
  const namespaceSummary = new Map((surface.client?.namespaces ?? []).map((n) => [n.name, n.summary]));
  for (const [group, symbols] of byGroup) {
    const isClientNs = namespaceSummary.has(group);
    const title = group
      ? isClientNs
        ? `${surface.client!.className.toLowerCase()}.${group} (${surface.package})`
        : `${group} (${surface.package})`
      : `${surface.package} exports`;
    const intro = group
      ? `${isClientNs ? `Methods of \`${surface.client!.className.toLowerCase()}.${group}\`` : `Members of class \`${group}\``} in ${surface.package} ${surface.version}, from its type declarations.${namespaceSummary.get(group) ? ` ${namespaceSummary.get(group)}` : ''}`
      : `Functions, hooks, components and classes exported by ${surface.package} ${surface.version}, from its type declarations.`;
    const heading = title;
    const sections: Section[] = [
      {
        anchor: '',
        heading: '',
        depth: 0,
        headingPath: [],
        markdown: `# ${heading}\n\n${intro}\n\n${symbols.map((s) => `- \`${s.qualifiedName}\`${s.summary ? ` — ${s.summary}` : ''}${s.deprecated !== undefined ? ' (deprecated)' : ''}`).join('\n')}`,
        identifiers: [surface.package, ...(group ? [group] : [])],
      },
      ...symbols.map((s) => symbolSection(s, surface, heading, linksOf(s))),
    ];
    const path = apiDocPath(surface, group || undefined);
    docs.push({
      path,
      title,
      description: intro.slice(0, 300),
      breadcrumb: ['SDK API', surface.package],
      // No web page holds one namespace of a package, and several api docs would share the npm page:
      // the address printed is the one that reads this doc back (issue 15: every printed URL reads back).
      url: `workos-docs://docs/${path}`,
      product: API_DOC_ROOT,
      kind: 'api',
      markdown: sections.map((s) => s.markdown).join('\n\n'),
      sections,
      reference: [],
      source,
    });
  }
  return docs;
}

function symbolSection(
  symbol: ApiSymbol,
  surface: SdkSurface,
  docHeading: string,
  links: DocsSdkLink[],
): Section {
  const markdown = symbolMarkdown(symbol, surface, { depth: 2, links });
  const heading = symbol.kind === 'component' ? symbol.name : `${symbol.qualifiedName}()`;
  // Docs names that point here are identifiers too: a search for the docs' `portal.generateLink` finds the real one.
  const docsNames = links.filter((l) => l.status !== 'exact').map((l) => l.docsName);
  return {
    anchor: apiAnchor(symbol),
    heading,
    depth: 2,
    headingPath: [docHeading, heading],
    markdown,
    identifiers: [
      ...new Set([
        symbol.qualifiedName,
        symbol.name,
        ...(symbol.namespace ? [symbol.namespace] : []),
        ...docsNames,
      ]),
    ],
  };
}
