import type { SdkCorpusData } from './sdk-surface.js';

/**
 * The one data model every layer speaks. Ingest produces it, the bundle stores it,
 * search indexes it, core answers from it. Everything here is plain JSON-serialisable data.
 */

/** What a document is, so search can filter and answers can be shaped. */
export const DOC_KINDS = [
  'guide',
  'reference',
  'integration',
  'sdk',
  'changelog',
  'glossary',
  'migration',
  /** SDK API symbols from the packages' type declarations (`sdk-api/node/adminportal`). */
  'api',
  'other',
] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** SDK languages of the API reference, in the order the WorkOS docs show them. */
export const REFERENCE_LANGUAGES = ['curl', 'js', 'python', 'ruby', 'go', 'java', 'php', 'dotnet'] as const;
export type ReferenceLanguage = (typeof REFERENCE_LANGUAGES)[number];

export interface Section {
  /** Stable within the doc: `{{ "url": "..." }}` annotation if present, else github-slugger of the heading. Intro section is ''. */
  anchor: string;
  /** Heading text as plain text ('' for the intro before the first heading). */
  heading: string;
  /** Heading depth 1-6; 0 for the intro. */
  depth: number;
  /** Headings from the doc's top down to and including this one (plain text). */
  headingPath: string[];
  /** The section's own Markdown (its heading line included, subsections excluded). */
  markdown: string;
  /** Code identifiers seen in the section (inline code, code-block symbols, method names). */
  identifiers: string[];
}

/** One parameter/property/return value of a reference entry, descriptions already resolved. */
export interface ReferenceField {
  name: string;
  type?: string;
  optional?: boolean;
  /** Resolved Markdown description ('' when the source has none). */
  description: string;
  children?: ReferenceField[];
}

/** One language's rendering of one reference entry (an endpoint, an SDK method, or an object). */
export interface ReferenceEntry {
  /** Shared across languages for the same operation, e.g. `create_organization`. */
  id: string;
  language: ReferenceLanguage;
  /** What the docs title it: `organizations.createOrganization()`, or for curl `POST /organizations`. */
  title: string;
  /** HTTP method and path, for curl entries that are endpoints. */
  httpMethod?: string;
  endpoint?: string;
  parameters: ReferenceField[];
  properties: ReferenceField[];
  returns: ReferenceField[];
  /** This entry rendered alone as Markdown (so a reader can ask for one language only). */
  markdown: string;
}

export interface Doc {
  /** `sso/jit-provisioning`, `reference/organization/create`; `X/index` is addressed as `X`. */
  path: string;
  title: string;
  description: string;
  /** Titles from the product area down to the parent (from navigation when known, else path segments). */
  breadcrumb: string[];
  /** Canonical URL, `https://workos.com/docs/<path>` for WorkOS docs. */
  url: string;
  /** First path segment (`sso`, `reference`, `integrations`, `sdks`, ...). */
  product: string;
  kind: DocKind;
  /** Clean Markdown of the whole doc (no JSX, no frontmatter, no import/export); reference rendering included. */
  markdown: string;
  sections: Section[];
  /** API reference entries of this doc, one per (operation, language). */
  reference: ReferenceEntry[];
  /** Which source produced the doc, e.g. `@workos/mcp-docs-server@0.2.0`. */
  source: string;
}

/** A node of the site navigation (from `_navigation.mdx` `links:` trees). */
export interface NavNode {
  title: string;
  /** Doc path (normalised like Doc.path) when the link points inside the docs. */
  path?: string;
  /** Original URL when the link points outside the docs. */
  url?: string;
  children: NavNode[];
}

/** A product area's navigation: `sso` -> "Single Sign-On" -> groups -> pages. */
export interface NavArea {
  product: string;
  title: string;
  children: NavNode[];
}

export interface CodeExample {
  kind: 'code';
  /** Stable id: `<docPath>#<anchor>:<n>`. */
  id: string;
  /** Fence language, normalised lower-case ('' when unknown). */
  language: string;
  /** Title attribute of the fence or component, else the nearest heading. */
  title: string;
  code: string;
  docPath: string;
  sectionAnchor: string;
  sectionHeading: string;
  /** Framework when known (`nextjs`, `react`, `remix`, ...), for SDK guides. */
  framework?: string;
}

export interface ExampleApp {
  kind: 'app';
  id: string;
  title: string;
  /** Programming language or framework the docs list the app under. */
  language: string;
  url: string;
  docPath: string;
  sectionAnchor: string;
}

export type Example = CodeExample | ExampleApp;

export interface ChangelogEntry {
  /** `workos-platform` or an npm package name such as `@workos-inc/node`. */
  package: string;
  /** Semver for packages; the entry title for the platform feed. */
  version: string;
  title: string;
  /** ISO date `YYYY-MM-DD` when known. */
  date?: string;
  /** Change type where the source says (`major`, `minor`, `patch`, `added`, `fixed`, ...). */
  changeType?: string;
  /** Markdown body of the entry. */
  text: string;
  url?: string;
}

export interface SourceInfo {
  /** `@workos/mcp-docs-server`, `@workos-inc/node`, or `local:<dir name>`. */
  name: string;
  version?: string;
  kind: 'docs-bundle' | 'sdk-package' | 'local' | 'rss';
}

/** A build problem that did not stop the build (malformed MDX, unresolved reference, ...). */
export interface BuildProblem {
  file: string;
  line?: number;
  reason: string;
}

/**
 * A source the build could not get (registry unreachable, feed down, tarball rejected): what it holds is
 * absent from the corpus. Recorded in the manifest of a partial build so `info` can say what is missing.
 */
export interface MissingSource {
  name: string;
  version?: string;
  kind: SourceInfo['kind'];
  reason: string;
}

export interface CorpusManifest {
  /** Bumped on any incompatible change to the bundle shape; loaders refuse other versions. */
  formatVersion: number;
  builtAt: string;
  sources: SourceInfo[];
  /** Sources a `build --allow-partial` went without; absent when the corpus is complete. */
  missing?: MissingSource[];
  counts: {
    docs: number;
    sections: number;
    referenceEntries: number;
    examples: number;
    changelogEntries: number;
    unresolvedReferences: number;
  };
  /** CRC-32 (8 hex digits, corpus/checksum.ts) over the serialised corpus payload (everything but the manifest). */
  checksum: string;
}

export interface Corpus {
  manifest: CorpusManifest;
  docs: Doc[];
  nav: NavArea[];
  examples: Example[];
  changelogs: ChangelogEntry[];
  /** SDK API surfaces from type declarations and the docs' methods linked to them (absent in corpora built without SDKs). */
  sdk?: SdkCorpusData;
}
