import type { SdkSurface } from '../corpus/sdk-surface.js';
import type { ReferenceLanguage } from '../corpus/types.js';

/**
 * The API surface of one exact SDK version, or why there is none. Answers never quietly use another
 * version: a miss carries the reason, and the answer names the version it does use.
 */
export type SurfaceAnswer =
  | {
      ok: true;
      surface: SdkSurface;
      /** Where it came from: the corpus (pinned), the project's node_modules, the user cache, or npm. */
      origin: 'corpus' | 'installed' | 'cache' | 'fetched';
      /** Download + build time, when it was fetched for this answer. */
      ms?: number;
    }
  | { ok: false; code?: string; reason: string };

/** A WorkOS SDK the session's project depends on, read from its manifests (see src/lifecycle/project). */
export interface ProjectSdk {
  /** Registry name: `@workos-inc/node`, `workos`, `github.com/workos/workos-go/v4`. */
  name: string;
  ecosystem: string;
  /** The docs' reference language this SDK belongs to. */
  language: ReferenceLanguage;
  /** Exact version, when a lockfile or the installed package says so. */
  version?: string;
  /** The range the manifest asks for, when nothing pins an exact version. */
  range?: string;
  /** The file the version came from, relative to its root: `package-lock.json`. */
  source: string;
  /** JavaScript SDKs with an exact version: the surface of that version (or why there is none). */
  surface?: SurfaceAnswer;
}

/**
 * What an answer knows beyond the corpus: the session's project (its SDKs and versions) and a way to
 * get the surface of any exact JS SDK version. Faces build it (a client's roots, the working
 * directory); core only reads it, so every face answers the same question the same way.
 */
export interface AnswerContext {
  /** The project's WorkOS SDKs; empty when there is no project or it uses none. */
  project: ProjectSdk[];
  /** The surface of an exact version of a JS SDK package; absent: only the corpus's own versions exist. */
  surface?: (name: string, version: string) => Promise<SurfaceAnswer>;
}

/** No project, no surfaces beyond the corpus: the library's default and every test that needs neither. */
export const NO_CONTEXT: AnswerContext = Object.freeze({ project: [] }) as AnswerContext;
