import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { RootsListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { rootFromUri } from '../lifecycle/project/root-uri.js';
import type { ProjectContext } from '../lifecycle/project/context.js';

export interface ProjectRootsOptions {
  /** The folder to read when the client has no `roots` (stdio: the workspace the client started us in). */
  cwd?: string;
  /** A client that declares roots but never answers must not hold answers up for long. */
  timeoutMs?: number;
}

const ROOTS_TIMEOUT_MS = 5_000;
/** More than any workspace has; the scan reads only the first few anyway. */
const MAX_ROOTS_KEPT = 100;

/**
 * Laxer than the SDK's `ListRootsResultSchema`, which refuses the whole list when one root is not a
 * `file://` URI: here each root is judged on its own, so one bad root becomes a note, not no project.
 */
const LaxRootsResult = z
  .object({ roots: z.array(z.object({ uri: z.string().max(4096) }).passthrough()).max(10_000) })
  .passthrough();

/**
 * Learns where the session's project is. A client that declares the `roots` capability is asked
 * (`roots/list`) once initialized and again on every `notifications/roots/list_changed`; any other
 * client gets `cwd` when one is given (stdio), else no project (stateless HTTP: no session to ask).
 */
export function attachProjectRoots(
  server: McpServer,
  project: ProjectContext,
  options: ProjectRootsOptions = {},
): void {
  const inner = server.server;
  const previous = inner.oninitialized;
  const timeout = options.timeoutMs ?? ROOTS_TIMEOUT_MS;

  const askRoots = async (): Promise<void> => {
    try {
      const { roots } = await inner.request({ method: 'roots/list' }, LaxRootsResult, { timeout });
      project.setRoots(
        roots.slice(0, MAX_ROOTS_KEPT).map((r) => rootFromUri(r.uri)),
        'client-roots',
      );
    } catch (err) {
      const reason = `the client's roots/list failed (${(err as Error).message.split('\n')[0]})`;
      if (options.cwd) project.setRoots([{ given: options.cwd, path: options.cwd }], 'cwd', [{ reason }]);
      else project.setRoots([], 'client-roots', [{ reason }]);
    }
  };
  const refresh = (): void => project.expectRoots(askRoots());

  inner.oninitialized = () => {
    previous?.();
    if (inner.getClientCapabilities()?.roots) {
      inner.setNotificationHandler(RootsListChangedNotificationSchema, () => refresh());
      refresh();
    } else if (options.cwd) {
      project.setRoots([{ given: options.cwd, path: options.cwd }], 'cwd');
    }
  };
}
