import type { ReferenceLanguage } from '../../corpus/types.js';

/** The package ecosystems whose manifests we read, by fixed file names, in a project root. */
export type Ecosystem = 'npm' | 'pypi' | 'rubygems' | 'go' | 'packagist' | 'nuget' | 'maven';

/** One WorkOS package a project depends on, and where we learned it. */
export interface ProjectPackage {
  /** Registry name as the ecosystem spells it: `@workos-inc/node`, `workos`, `github.com/workos/workos-go/v4`. */
  name: string;
  ecosystem: Ecosystem;
  /** The SDK language of the docs' reference that this package belongs to. */
  language: ReferenceLanguage;
  /** Exact version when a lockfile or the installed package says so. */
  version?: string;
  /** The range the manifest asks for (`^8.13.0`, `>=4,<5`), when it is not an exact version. */
  range?: string;
  /** File the version (or, without one, the range) came from, relative to the root: `package-lock.json`. */
  source: string;
  /** Root folder (absolute path) the file is in. */
  root: string;
  /** Other files that named the package, with what they said, when they disagree with `source`. */
  disagreements?: { source: string; version?: string; range?: string }[];
}

/** Why an input was skipped or only partly read. Never fatal: the rest of the project is still read. */
export interface ProjectNote {
  root?: string;
  file?: string;
  reason: string;
}

export interface RootReport {
  /** What the client (or the process) gave us: a URI or a folder. */
  given: string;
  /** The folder read, when it was usable. */
  path?: string;
  status: 'read' | 'skipped';
  reason?: string;
  /** Manifest files found and read in this root, relative names. */
  files: string[];
}

export interface ProjectScan {
  /** Where the roots came from: the client's `roots/list`, the server's working directory, a CLI argument. */
  origin: 'client-roots' | 'cwd' | 'argument' | 'none';
  roots: RootReport[];
  packages: ProjectPackage[];
  notes: ProjectNote[];
}

/** A file read from a root: its relative name and text. */
export interface ManifestFile {
  name: string;
  text: string;
}

/** What one ecosystem's reader finds in the manifests of one root. */
export interface EcosystemFinding {
  packages: ProjectPackage[];
  notes: ProjectNote[];
}
