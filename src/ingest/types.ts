import type { SdkSurface } from '../corpus/sdk-surface.js';
import type { BuildProblem, ChangelogEntry, Doc, Example, NavArea, SourceInfo } from '../corpus/types.js';

/** What one source adapter contributes to the corpus; adapters are merged in order by src/lifecycle/build.ts. */
export interface IngestResult {
  docs: Doc[];
  nav: NavArea[];
  examples: Example[];
  changelogs: ChangelogEntry[];
  problems: BuildProblem[];
  /** API reference descriptions/shorthands that could not be resolved (`file: (ref)`). */
  unresolved: string[];
  sources: SourceInfo[];
  /** SDK API surfaces (SDK packages only). */
  surfaces?: SdkSurface[];
}

export function emptyIngestResult(): IngestResult {
  return { docs: [], nav: [], examples: [], changelogs: [], problems: [], unresolved: [], sources: [] };
}

/** Progress messages for the operator (the CLI prints them to stderr). */
export type ProgressLog = (message: string) => void;
