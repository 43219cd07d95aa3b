/**
 * The official MCP conformance suite (server mode) against our HTTP transport serving the real
 * docs server. ~10 s: each scenario is a separate `conformance` process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICABLE_SCENARIOS, runScenario } from '../../harness/conformance/index.js';
import { loadRuntime } from '../../src/lifecycle/load-runtime.js';
import { createServer } from '../../src/server/create-server.js';
import { resolveHttpOptions } from '../../src/transports/http/options.js';
import { startHttpServer, type RunningHttpServer } from '../../src/transports/http/server.js';

describe('conformance 0.1.16 (server scenarios that apply to us)', () => {
  let s: RunningHttpServer;
  let mcpUrl: string;
  beforeAll(async () => {
    const runtime = await loadRuntime();
    s = await startHttpServer(resolveHttpOptions({ port: 0, accessLog: false }), {
      createServer: () => createServer(runtime, { log: { stderr: () => undefined } }),
      log: () => undefined,
    });
    mcpUrl = `${s.url}/mcp`;
  });
  afterAll(async () => {
    await s.close();
  });

  it.each(APPLICABLE_SCENARIOS)('%s passes', async (scenario) => {
    const r = await runScenario(mcpUrl, scenario);
    expect(r.passed, r.output).toBe(true);
    expect(r.summary).toMatch(/, 0 failed/);
  });
});
