import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ProjectContext } from '../lifecycle/project/context.js';
import type { AnswerContext } from '../core/answer-context.js';
import { formatProject, surfaceLines } from '../lifecycle/project/format.js';

export const PROJECT_URI = 'workos-docs://project';

/** `workos-docs://project`: the WorkOS SDKs of the session's project, with versions and their files. */
export function registerProjectResource(
  server: McpServer,
  project: ProjectContext,
  /** The answer context of the session: which SDK surface answers use, and how it was obtained. */
  context?: () => Promise<AnswerContext>,
): void {
  server.registerResource(
    'project',
    PROJECT_URI,
    {
      title: 'Your project',
      description:
        "The WorkOS SDKs (and versions) found in the project's manifests and lockfiles; answers use these versions.",
      mimeType: 'text/markdown',
    },
    async (uri) => {
      const scan = await project.current();
      const lines = context ? surfaceLines(await context().catch(() => undefined)) : [];
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: formatProject(scan, lines) }] };
    },
  );
}
