/**
 * Runs one scenario of the official MCP conformance suite (server mode) against a URL: used by
 * `npm run test:conformance` (scripts/conformance.ts) and test/http/conformance.test.ts. Scenarios
 * that only apply to the suite's own fixture server (fixed tool names such as test_simple_text) are
 * not listed.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Every server scenario of conformance 0.1.16 that a server not built as its fixture can pass. */
export const APPLICABLE_SCENARIOS = [
  'server-initialize',
  'ping',
  'tools-list',
  'logging-set-level',
  'resources-list',
  'prompts-list',
  'server-sse-multiple-streams',
  'dns-rebinding-protection',
] as const;

const REGISTER = fileURLToPath(new URL('./register.mjs', import.meta.url));

function conformanceBin(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@modelcontextprotocol/conformance/package.json');
  return pkg.replace(/package\.json$/, 'dist/index.js');
}

export interface ScenarioResult {
  scenario: string;
  passed: boolean;
  /** "2/2, 0 failed, 0 warnings" as the suite prints it, when found. */
  summary: string;
  ms: number;
  output: string;
}

export function runScenario(url: string, scenario: string): Promise<ScenarioResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', REGISTER, conformanceBin(), 'server', '--url', url, '--scenario', scenario],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => {
      // eslint-disable-next-line no-control-regex
      const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
      const summary = /Passed: ([^\n]*)/.exec(plain)?.[1]?.trim() ?? '';
      resolve({ scenario, passed: code === 0, summary, ms: Date.now() - started, output: plain });
    });
  });
}
