import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const run = promisify(execFile);
let cache: string;

beforeAll(async () => {
  cache = await tempDir('wdm-cli-');
});
afterAll(() => rm(cache, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/bin.ts', ...args], {
      env: { ...process.env, WORKOS_DOCS_MCP_CACHE: cache },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('workos-docs-mcp update (CLI)', () => {
  it.each([['update', '--check'], ['update']])(
    '%s %s against an unreachable registry: one line, exit 1, cache untouched',
    async (...args) => {
      const { code, stdout, stderr } = await cli([...args, '--registry', 'http://127.0.0.1:1']);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(
        /^workos-docs-mcp: cannot check for updates \(cannot reach the npm registry at http:\/\/127\.0\.0\.1:1 .*\); the current corpus is unchanged\n$/,
      );
    },
  );
});
