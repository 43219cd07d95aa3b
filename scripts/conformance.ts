/**
 * Runs the official MCP conformance suite (server mode) against our HTTP server.
 *   npm run test:conformance                 # builds nothing; serves dist/bin.js on a free port
 *   node --import tsx scripts/conformance.ts --url http://127.0.0.1:3000/mcp [--scenario ping,tools-list]
 * Exit 0 when every scenario passes. Scenarios that only apply to the suite's own fixture server
 * (fixed tool names such as test_simple_text) are not run; see ../shared/README.md beside the project.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { spawnServer } from '../test/http/process.js';

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

const REGISTER = fileURLToPath(new URL('./conformance/register.mjs', import.meta.url));

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

interface Args {
  url?: string;
  scenarios: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { scenarios: [...APPLICABLE_SCENARIOS] };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--url') args.url = argv[++i];
    else if (argv[i] === '--scenario') args.scenarios = argv[++i].split(',').filter(Boolean);
    else throw new Error(`unknown argument ${argv[i]} (expected --url URL, --scenario a,b)`);
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  let url = args.url;
  let stop = async (): Promise<void> => undefined;
  if (!url) {
    const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
    const server = spawnServer(process.execPath, [bin, 'serve', '--http', '--port', '0', '--no-access-log']);
    url = String((await server.waitFor((l) => l.msg === 'listening')).url);
    stop = async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    };
  }
  process.stdout.write(`conformance 0.1.16 against ${url}\n`);
  let failed = 0;
  try {
    for (const scenario of args.scenarios) {
      const r = await runScenario(url, scenario);
      if (!r.passed) failed += 1;
      process.stdout.write(
        `${r.passed ? 'PASS' : 'FAIL'}  ${scenario.padEnd(30)} ${r.summary.padEnd(40)} ${r.ms} ms\n`,
      );
      if (!r.passed) process.stdout.write(`${r.output}\n`);
    }
  } finally {
    await stop();
  }
  process.stdout.write(`${args.scenarios.length - failed}/${args.scenarios.length} scenarios passed\n`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`conformance: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
