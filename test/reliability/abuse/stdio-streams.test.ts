/**
 * Issue 16 item 12: a stdio server whose streams cannot work must say so and exit non-zero, not exit 0
 * silently (stdout on /dev/full, stdin a directory). A client that goes away (EPIPE) stays a quiet exit 0,
 * covered in ../lifecycle.test.ts.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, PROJECT_ROOT, requireBuiltBin, serverEnv } from '../helpers/spawn.js';

function run(stdio: [number | 'pipe', number | 'pipe'], input?: string) {
  const child = spawn(process.execPath, [BIN], {
    cwd: PROJECT_ROOT,
    env: serverEnv(),
    stdio: [stdio[0], stdio[1], 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  if (input !== undefined) child.stdin?.end(input);
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

let dir: string;
beforeAll(() => {
  requireBuiltBin();
  dir = mkdtempSync(join(tmpdir(), 'wdm-streams-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stdio streams that cannot work', () => {
  it.runIf(existsSync('/dev/full'))('stdout on /dev/full: exit 1 with a message', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const ping = `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' })}\n`;
      const { code, stderr } = await run(['pipe', full], ping);
      expect(code).toBe(1);
      expect(stderr).toMatch(/cannot write to stdout: .*ENOSPC/);
      expect(stderr).not.toMatch(/\bat .*:\d+:\d+/);
    } finally {
      closeSync(full);
    }
  });

  it('stdin a directory: exit 1 with a message', async () => {
    const fd = openSync(dir, 'r');
    try {
      const { code, stderr } = await run([fd, 'pipe']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/cannot read stdin: it is a directory/);
    } finally {
      closeSync(fd);
    }
  });
});
