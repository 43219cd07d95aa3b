/**
 * The public API surface of one SDK package at one exact version, as its type declarations state it.
 * Language-neutral on purpose: a JavaScript package fills it from `.d.ts` files today; any other SDK
 * whose surface we can read later fits the same shape. Plain JSON-serialisable data, like the rest of corpus/.
 */

/** One field of an options object (or of a nested object inside it). */
export interface ApiField {
  name: string;
  /** The type as the declaration writes it (`string`, `GenerateLinkIntent`, `{ sso: … }`), whitespace collapsed. */
  type: string;
  optional: boolean;
  /** JSDoc text of the field ('' when none). */
  description: string;
  /** `@deprecated` text ('' for a bare tag); absent when not deprecated. */
  deprecated?: string;
  /** Fields of a nested object type, expanded one level further (bounded). */
  fields?: ApiField[];
}

export interface ApiParam {
  /** The declared name; a destructured parameter is called `options` (what callers pass is one object). */
  name: string;
  type: string;
  optional: boolean;
  /** `...args` */
  rest?: boolean;
  description: string;
  /** When the parameter is an object type: its fields (every member of a union, so no valid key is missed). */
  fields?: ApiField[];
}

export interface ApiSignature {
  params: ApiParam[];
  /** Declared return type text (`Promise<{ link: string; }>`); '' when not written. */
  returns: string;
  /** Type parameters as written (`<T extends object>`), '' when none. */
  typeParams: string;
}

export type ApiSymbolKind = 'method' | 'function' | 'hook' | 'component' | 'class' | 'constant';

export interface HttpEndpoint {
  method: string;
  path: string;
}

export interface ApiSymbol {
  kind: ApiSymbolKind;
  /** Own name: `generateLink`, `withAuth`. */
  name: string;
  /** How code reaches it: `adminPortal.generateLink` on the client, `withAuth` for an export, `Client.signIn` for a class member. */
  qualifiedName: string;
  /** Client namespace property (`adminPortal`) or owning exported class (`Client`) of a method. */
  namespace?: string;
  /** The import specifier that exposes it: `@workos-inc/node`, `@workos-inc/authkit-nextjs/components`. */
  module: string;
  /** One per overload, in declaration order. */
  signatures: ApiSignature[];
  /** First line of the JSDoc ('' when none). */
  summary: string;
  /** Rest of the JSDoc text, tags removed. */
  description: string;
  deprecated?: string;
  /** `@example` blocks, as written. */
  examples: string[];
  /** HTTP endpoint named in the JSDoc (`POST /portal/generate_link`), when it names one. */
  endpoint?: HttpEndpoint;
}

/** A property of the client class that holds a service object: `workos.adminPortal` of class `AdminPortal`. */
export interface SdkNamespace {
  name: string;
  className: string;
  summary: string;
  /** Method names, in declaration order. */
  methods: string[];
}

/** The class users instantiate (`new WorkOS(key)`), when the package has one. */
export interface SdkClient {
  className: string;
  module: string;
  namespaces: SdkNamespace[];
  /** Other public members of the client (`post`, `version`, `createWebhookClient`, …): valid, not namespaces. */
  members: string[];
}

/** A declaration file that could not be read or resolved: reported at build, the rest still builds. */
export interface SurfaceProblem {
  file: string;
  reason: string;
}

export interface SdkSurface {
  /** npm package name. */
  package: string;
  /** Exact version the declarations came from. */
  version: string;
  /** Short stable id used in doc paths: `node`, `authkit-nextjs`. */
  slug: string;
  language: 'js';
  /** Declaration entry files followed (package-relative), one per export subpath. */
  entries: string[];
  client?: SdkClient;
  symbols: ApiSymbol[];
  /** Every name each module exports, types included (`import { type User }` is valid though User is no symbol). */
  exports?: { module: string; names: string[] }[];
  problems: SurfaceProblem[];
}

/** How a docs reference method (js) relates to the SDK surface. */
export type DocsLinkStatus = 'exact' | 'renamed' | 'missing';

/** One docs reference method (language js) and what the SDK really has for it. */
export interface DocsSdkLink {
  docPath: string;
  /** Reference entry id shared across languages (`generate_portal_link`). */
  entryId: string;
  /** As the docs title it: `portal.generateLink()`. */
  docsTitle: string;
  /** `portal.generateLink`. */
  docsName: string;
  package: string;
  version: string;
  status: DocsLinkStatus;
  /** The SDK's qualified name: the exact match, or the proposed one when renamed. */
  symbol?: string;
  /** Other close candidates, best first (`createOrganizationRole` beside `createEnvironmentRole`). */
  alternatives?: string[];
  /** Why it was proposed: `namespace portal → adminPortal`, `JSDoc summary = page title`, … */
  basis?: string[];
}

/** What the corpus carries about the SDKs' own API (one top-level field of the bundle). */
export interface SdkCorpusData {
  surfaces: SdkSurface[];
  links: DocsSdkLink[];
}
