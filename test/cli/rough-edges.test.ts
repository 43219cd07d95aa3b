// Issue 15 item 11 (part): CLI messages a new user trips over, through the built binary.
import { execFile, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { guardOutput } from '../../src/cli/output.js';
import { closestCommand } from '../../src/cli/program.js';
import { ROOT, ensureBuilt } from '../fixtures/built.js';

const run = promisify(execFile);

async function cli(args: string[], env: Record<string, string> = {}, input = '') {
  const bin = ensureBuilt();
  const child = run(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, timeout: 30_000 });
  child.child.stdin?.end(input);
  return child.then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

describe('CLI rough edges', () => {
  it('one HTTP flag without --http: "only works" (and "only work" for several)', async () => {
    const one = await cli(['serve', '--port', '3001']);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('--port only works with --http');
    const two = await cli(['serve', '--port', '3001', '--host', '127.0.0.1']);
    expect(two.stderr).toContain('--port, --host only work with --http');
  });

  it('errors from environment variables name the variable, not a flag', async () => {
    const port = await cli(['serve', '--http'], { PORT: 'abc' });
    expect(port.code).toBe(1);
    expect(port.stderr).toContain('PORT (environment) must be a whole number, got "abc"');
    expect(port.stderr).not.toContain('--port');
    const token = await cli(['serve', '--http', '--port', '0'], { WORKOS_DOCS_MCP_TOKEN: 'short' });
    expect(token.code).toBe(1);
    expect(token.stderr).toContain('WORKOS_DOCS_MCP_TOKEN must be at least 16 characters');
    expect(token.stderr).not.toContain('--token');
  });

  it('an invalid WORKOS_DOCS_MCP_LOG_LEVEL is said on stderr, not ignored', async () => {
    const r = await cli(['search', 'sso'], { WORKOS_DOCS_MCP_LOG_LEVEL: 'loud' });
    // The CLI does not go through the MCP layer; the server is where the level applies.
    const init = `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } } })}\n${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'workos_search', arguments: { query: 'sso' } } })}\n`;
    const served = await cli([], { WORKOS_DOCS_MCP_LOG_LEVEL: 'loud' }, init);
    expect(served.stderr).toContain('WORKOS_DOCS_MCP_LOG_LEVEL="loud" is not a log level');
    expect(r.code).toBe(0);
  });

  it('`help` works as a subcommand, and a typo gets a suggestion', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: workos-docs-mcp');
    const sub = await cli(['help', 'search']);
    expect(sub.stdout).toContain('Usage: workos-docs-mcp search');
    const typo = await cli(['serch', 'sso']);
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toContain("unknown command 'serch' (did you mean 'search'?)");
    expect(closestCommand('xyzzy', ['search', 'read'])).toBeUndefined();
    expect(closestCommand('chang', ['search', 'changelog'])).toBe('changelog');
  });
});

/** Runs the CLI with stdout on an open file (a full disk: /dev/full), stderr captured. */
function cliToFile(args: string[], file: string): Promise<{ code: number | null; stderr: string }> {
  const fd = openSync(file, 'w');
  const child = spawn(process.execPath, [ensureBuilt(), ...args], { stdio: ['ignore', fd, 'pipe'] });
  closeSync(fd);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('--corpus on every answer command, as on serve', () => {
  it('each command reads the named bundle, and says so when it is missing', async () => {
    const missing = '/nonexistent/corpus.json';
    for (const args of [
      ['search', 'sso'],
      ['read', 'sso'],
      ['read'],
      ['examples', 'callback route'],
      ['changelog'],
      ['check', '-'],
      ['info'],
    ]) {
      const r = await cli([...args, '--corpus', missing], {}, 'workos.sso.getProfile({ code })');
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`Corpus bundle ${missing} does not exist`);
    }
  });

  it('a copy elsewhere is served and named by info', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wdm-corpus-'));
    const copy = join(dir, 'copy.json');
    copyFileSync(join(ROOT, 'data', 'corpus.json'), copy);
    try {
      const info = await cli(['info', '--corpus', copy, '--json']);
      expect(info.code).toBe(0);
      expect(JSON.parse(info.stdout)).toMatchObject({ corpusFile: copy, origin: 'custom' });
      const read = await cli(['read', 'sso', '--corpus', copy]);
      expect(read.stdout.startsWith('# Single Sign-On')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('answers that say why they are empty', () => {
  it('a search that matches nothing: one suggestion a line, a search that works, the table of contents', async () => {
    const r = await cli(['search', 'xyzzyplugh']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Try: "');
    expect(r.stdout).toContain('\n- No docs mention: "xyzzyplugh". Check the spelling or use fewer words.\n');
    expect(r.stdout).toMatch(/\n- Product areas: admin-portal, .*sso/);
    expect(r.stdout).toContain('`workos-docs-mcp read` (the table of contents)');
  });

  it('changelog --since that leaves nothing says why, with the range there is', async () => {
    const version = await cli(['changelog', '--since', '1.2.3']);
    expect(version.stdout).toMatch(
      /`workos-platform` entries are dated, not versioned: pass `since` as a date \(YYYY-MM-DD\); they run from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\./,
    );
    const future = await cli(['changelog', '--since', '2999-01-01']);
    expect(future.stdout).toMatch(
      /No `workos-platform` entry on or after 2999-01-01: the newest is from \d{4}-/,
    );
    // An SDK package with declarations takes versions only (its API changes are computed between two).
    const dated = await cli(['changelog', '-p', '@workos-inc/widgets', '--since', '2026-01-01']);
    expect(dated.code).toBe(1);
    expect(dated.stderr).toMatch(/since "2026-01-01" is not an exact version/);
  });
});

describe('a failing stdout', () => {
  it.runIf(existsSync('/dev/full'))(
    'on a full disk (ENOSPC) is one line on stderr and exit 1, no stack',
    async () => {
      for (const args of [['search', 'sso'], ['read', 'sso'], ['info']]) {
        const r = await cliToFile(args, '/dev/full');
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stderr).toBe(
          'workos-docs-mcp: cannot write to stdout: no space left on the device (ENOSPC).\n',
        );
      }
    },
  );

  it('a reader that went away (EPIPE) ends quietly; other errors are worded once', () => {
    const make = () => {
      const stdout = new EventEmitter() as unknown as NodeJS.WritableStream;
      const lines: string[] = [];
      const stderr = Object.assign(new EventEmitter(), {
        write: (t: string) => lines.push(t) > 0,
      }) as unknown as NodeJS.WritableStream;
      const codes: number[] = [];
      guardOutput({ stdout, stderr, setExitCode: (c) => codes.push(c) });
      return { stdout, lines, codes };
    };
    const pipe = make();
    pipe.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(pipe.lines).toEqual([]);
    expect(pipe.codes).toEqual([]);
    const ro = make();
    ro.stdout.emit(
      'error',
      Object.assign(new Error('EROFS: read-only file system, write'), { code: 'EROFS' }),
    );
    ro.stdout.emit('error', Object.assign(new Error('again'), { code: 'EROFS' }));
    expect(ro.lines).toEqual([
      'workos-docs-mcp: cannot write to stdout: the file system is read-only (EROFS).\n',
    ]);
    expect(ro.codes).toEqual([1]);
  });
});
