/**
 * Protocol abuse over stdio against the built server: it answers what JSON-RPC prescribes, stays
 * alive, keeps serving the next valid request, and its stdout carries nothing but JSON-RPC 2.0.
 * One server process takes the whole sequence, as a misbehaving client would inflict it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantCanaryTree, type CanaryTree } from './helpers/canary.js';
import { hygieneProblems } from './helpers/hygiene.js';
import { report } from './helpers/report.js';
import { requireBuiltBin } from './helpers/spawn.js';
import { StdioSession, type Message } from './helpers/stdio-session.js';

let tree: CanaryTree;
let s: StdioSession;
const errorCode = (m: Message) => (m.error as { code: number } | undefined)?.code;

beforeAll(() => {
  requireBuiltBin();
  tree = plantCanaryTree();
  s = new StdioSession([], { env: { WORKOS_DOCS_MCP_CORPUS: tree.corpusFile }, cwd: tree.cwd });
});

afterAll(() => {
  s?.kill();
  tree?.remove();
});

/** Errors the server sent without an id (parse errors, invalid requests) from message index `since` on. */
const idlessErrors = (since: number) => s.messages.slice(since).filter((m) => !('id' in m) && 'error' in m);

describe('stdio protocol abuse', () => {
  it('answers requests sent before initialize', async () => {
    const r = await s.request('pre-1', 'tools/list', {}, 60_000);
    expect('result' in r || 'error' in r).toBe(true);
    expect(await s.alive('pre')).toBe(true);
  });

  it('initializes after that', async () => {
    const r = await s.initialize();
    expect((r.result as { serverInfo: { name: string } }).serverInfo.name).toBe('workos-docs-mcp');
  });

  it('answers a malformed JSON line with -32700 Parse error and carries on', async () => {
    for (const bad of [
      '{not json',
      '{"jsonrpc":"2.0","id":1,"method":"ping"',
      'null}',
      '\u0000\u0001\u0002',
      '\xff\xfe garbage',
      "{'single':'quotes'}",
    ]) {
      const since = s.messages.length;
      s.write(`${bad}\n`);
      await s.waitFor((m) => !('id' in m) && errorCode(m) === -32700, 10_000, since);
      expect(await s.alive(`malformed-${since}`)).toBe(true);
    }
  });

  it('answers JSON that is not a JSON-RPC message with -32600 Invalid Request', async () => {
    for (const bad of [
      '[]',
      '[{"jsonrpc":"2.0","id":5,"method":"ping"}]',
      '42',
      '"ping"',
      '{"jsonrpc":"1.0","id":"v1","method":"ping"}',
      '{"id":"noversion","method":"ping"}',
      '{"jsonrpc":"2.0","id":"badparams","method":"ping","params":"x"}',
    ]) {
      const since = s.messages.length;
      s.write(`${bad}\n`);
      await s.waitFor((m) => errorCode(m) === -32600, 10_000, since);
    }
    expect(await s.alive('invalid')).toBe(true);
  });

  it('reassembles a request split across writes', async () => {
    const line = JSON.stringify({
      jsonrpc: '2.0',
      id: 'split',
      method: 'tools/call',
      params: { name: 'workos_search', arguments: { query: 'single sign-on' } },
    });
    const answer = s.response('split');
    for (let i = 0; i < line.length; i += 9) {
      s.write(line.slice(i, i + 9));
      if (i % 45 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    s.write('\n');
    const r = await answer;
    expect((r.result as { isError?: boolean }).isError).not.toBe(true);
  });

  it('skips a 10 MB line with -32600 and serves the next request', async () => {
    const since = s.messages.length;
    const huge = JSON.stringify({
      jsonrpc: '2.0',
      id: 'huge',
      method: 'tools/call',
      params: { name: 'workos_search', arguments: { query: 'x'.repeat(10 * 1024 * 1024) } },
    });
    for (let i = 0; i < huge.length; i += 1024 * 1024) s.write(huge.slice(i, i + 1024 * 1024));
    s.write('\n');
    await s.waitFor(
      (m) => errorCode(m) === -32600 && /larger than/.test(String((m.error as { message: string }).message)),
      30_000,
      since,
    );
    const next = await s.request(
      'after-huge',
      'tools/call',
      { name: 'workos_docs', arguments: { path: 'sso' } },
      30_000,
    );
    expect((next.result as { isError?: boolean }).isError).not.toBe(true);
  });

  it('survives deeply nested JSON and prototype-polluting keys', async () => {
    const depth = 100_000;
    const since = s.messages.length;
    // Deep nesting as a whole line, and inside the arguments of a real call.
    s.write(`${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    await s.waitFor((m) => errorCode(m) === -32600, 15_000, since);
    const nested = `{"jsonrpc":"2.0","id":"deep","method":"tools/call","params":{"name":"workos_search","arguments":{"query":"sso","extra":${'['.repeat(depth)}${']'.repeat(depth)}}}}`;
    const deep = s.response('deep', 30_000);
    s.write(`${nested}\n`);
    expect('result' in (await deep) || 'error' in (await deep)).toBe(true);
    const polluting = s.response('proto', 15_000);
    s.write(
      '{"jsonrpc":"2.0","id":"proto","method":"tools/call","params":{"name":"workos_search","arguments":{"query":"sso","__proto__":{"isError":true,"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}}\n',
    );
    const r = await polluting;
    expect((r.result as { isError?: boolean }).isError).not.toBe(true);
    // The server goes on answering normally (the in-process check of Object.prototype is in invalid-params.test.ts).
    const list = await s.request('after-proto', 'tools/list', {});
    expect(JSON.stringify(list)).not.toContain('polluted');
  });

  it('answers unknown methods with -32601', async () => {
    for (const method of [
      'no/such/method',
      'tools/destroy',
      '',
      '__proto__',
      'rpc.discover',
      'resources/subscribe',
    ]) {
      const r = await s.request(`unknown-${method}`, method, {});
      expect(errorCode(r), method).toBe(method === '' ? -32601 : -32601);
    }
  });

  it('answers both requests that share an id', async () => {
    const since = s.messages.length;
    s.send({ jsonrpc: '2.0', id: 'dup', method: 'ping' });
    s.send({
      jsonrpc: '2.0',
      id: 'dup',
      method: 'tools/call',
      params: { name: 'workos_changelogs', arguments: {} },
    });
    // Each request is answered once, in order; the ids are the client's problem, not a reason to drop one.
    expect(await s.alive('dup')).toBe(true);
    const dups = s.messages.slice(since).filter((m) => m.id === 'dup');
    expect(dups).toHaveLength(2);
    expect(dups.every((m) => 'result' in m)).toBe(true);
  });

  it('treats a notification carrying an id as a request (method not found), and ignores unknown notifications', async () => {
    const r = await s.request(99, 'notifications/initialized');
    expect(errorCode(r)).toBe(-32601);
    const since = s.messages.length;
    s.send({ jsonrpc: '2.0', method: 'notifications/made-up', params: { x: 1 } });
    s.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 'never-sent' } });
    s.send({ jsonrpc: '2.0', id: 'no-such-request', result: {} });
    expect(await s.alive('notifications')).toBe(true);
    expect(s.messages.slice(since).filter((m) => m.id !== 'alive-notifications')).toEqual([]);
  });

  it('serves a burst of 1,000 requests written at once', async () => {
    const started = performance.now();
    const lines: string[] = [];
    const queries = ['sso', 'directory sync', 'create organization', 'webhooks', 'audit logs', 'magic auth'];
    for (let i = 0; i < 1000; i++) {
      const call =
        i % 4 === 0
          ? { method: 'ping' }
          : i % 4 === 1
            ? {
                method: 'tools/call',
                params: {
                  name: 'workos_search',
                  arguments: { query: queries[i % queries.length], limit: 3 },
                },
              }
            : i % 4 === 2
              ? {
                  method: 'tools/call',
                  params: { name: 'workos_docs', arguments: { path: 'sso', maxTokens: 500 } },
                }
              : { method: 'tools/list', params: {} };
      lines.push(JSON.stringify({ jsonrpc: '2.0', id: `burst-${i}`, ...call }));
    }
    s.write(`${lines.join('\n')}\n`);
    await s.waitFor(
      () => s.messages.filter((m) => String(m.id).startsWith('burst-')).length >= 1000,
      120_000,
    );
    const answers = s.messages.filter((m) => String(m.id).startsWith('burst-'));
    const ids = new Set(answers.map((m) => m.id));
    const failures = answers.filter(
      (m) => 'error' in m || (m.result as { isError?: boolean }).isError === true,
    );
    report(
      'stdio burst',
      `1,000 requests in ${Math.round(performance.now() - started)} ms, ${ids.size} distinct answers, ${failures.length} failures`,
    );
    expect(ids.size).toBe(1000);
    expect(failures).toEqual([]);
  });

  it('wrote nothing but JSON-RPC 2.0 to stdout, and nothing that leaks', () => {
    expect(s.violations).toEqual([]);
    expect(s.messages.length).toBeGreaterThan(1000);
    const leaks = hygieneProblems(s.stdoutText.replace(/x{1000,}/g, ''), { extraPaths: [tree.root] });
    expect(leaks).toEqual([]);
    report(
      'stdio',
      `${s.messages.length} stdout lines, all JSON-RPC 2.0; ${idlessErrors(0).length} id-less protocol errors`,
    );
  });

  it('exits 0 within 2 s once stdin closes', async () => {
    const closedAt = performance.now();
    s.child.stdin?.end();
    const { code, at } = await s.exited;
    expect(code).toBe(0);
    expect(at - closedAt).toBeLessThan(2_000);
    expect(s.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
