/**
 * The official MCP conformance suite (server mode) against our HTTP transport serving the real
 * docs server. ~10 s: each scenario is a separate `conformance` process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICABLE_SCENARIOS, runScenario } from '../../scripts/conformance.js';
import { startTiny, type Started } from './helpers.js';

describe('conformance 0.1.16 (server scenarios that apply to us)', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startTiny({ accessLog: false });
  });
  afterAll(async () => {
    await s.close();
  });

  it.each(APPLICABLE_SCENARIOS)('%s passes', async (scenario) => {
    const r = await runScenario(s.mcpUrl, scenario);
    expect(r.passed, r.output).toBe(true);
    expect(r.summary).toMatch(/, 0 failed/);
  });
});
