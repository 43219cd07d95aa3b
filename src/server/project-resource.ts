import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ProjectContext } from '../lifecycle/project/context.js';
import { formatProject } from '../lifecycle/project/format.js';
import type { ProjectScan } from '../lifecycle/project/types.js';

export const PROJECT_URI = 'workos-docs://project';

/** Lines added below the package list (which SDK surface answers use, and how it was obtained). */
export type ProjectExtra = (scan: ProjectScan) => Promise<string[]>;

/** `workos-docs://project`: the WorkOS SDKs of the session's project, with versions and their files. */
export function registerProjectResource(
  server: McpServer,
  project: ProjectContext,
  extra?: ProjectExtra,
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
      const lines = extra ? await extra(scan).catch(() => []) : [];
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: formatProject(scan, lines) }] };
    },
  );
}
