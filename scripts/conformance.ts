/**
 * Runs the official MCP conformance suite (server mode) against our HTTP server.
 *   npm run test:conformance                 # builds nothing; serves dist/bin.js on a free port
 *   node --import tsx scripts/conformance.ts --url http://127.0.0.1:3000/mcp [--scenario ping,tools-list]
 * Exit 0 when every scenario passes (the scenarios: harness/conformance/index.ts).
 */
import { fileURLToPath } from 'node:url';
import { APPLICABLE_SCENARIOS, runScenario } from '../harness/conformance/index.js';
import { spawnServer } from '../harness/process.js';

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
