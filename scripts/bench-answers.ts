/**
 * `npm run bench:answers [-- --in-process --no-baseline --split tuning|holdout --misses --json --out DIR]`
 *
 * Plays the minimal assistant trajectory (search with the question; read the section the top result
 * points at; then the next results) over test/eval/answers.json, with our server and the old
 * `@workos/mcp-docs-server` in the same run, and reports S0/S1/S3 and characters read until answered
 * per kind, per split and overall. Writes bench/results/answers.{json,md}.
 *
 * `--in-process` links our server in memory from src/ (no build step; for tuning). The default spawns
 * dist/bin.js over stdio, exactly as a client would.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type AnswerEngine,
  type AnswerMetrics,
  type AnswerQuestion,
  type AnswerReport,
  type Trajectory,
  loadAnswerSet,
  playTrajectory,
  report,
  splitOf,
} from '../harness/eval/answers.js';
import { oursEngine, spawnOld, spawnOurs } from './bench/answer-engines.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const { values: args } = parseArgs({
  options: {
    'in-process': { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
    split: { type: 'string' },
    misses: { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    questions: { type: 'string' },
    corpus: { type: 'string' },
    out: { type: 'string' },
  },
});

type Engine = AnswerEngine & { close(): Promise<void> };

async function inProcessOurs(corpusFile?: string): Promise<Engine> {
  const [{ Client }, { InMemoryTransport }, { createServer }, { loadRuntime }] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/inMemory.js'),
    import('../src/server/create-server.js'),
    import('../src/lifecycle/load-runtime.js'),
  ]);
  const runtime = await loadRuntime({ corpusFile: corpusFile ?? join(ROOT, 'data/corpus.json') });
  const server = createServer(runtime, { log: { stderr: () => undefined } });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'bench-answers', version: '1.0.0' });
  await server.connect(serverSide);
  await client.connect(clientSide);
  return oursEngine(client, () => client.close());
}

async function run(engine: Engine, questions: readonly AnswerQuestion[]): Promise<Map<string, Trajectory>> {
  const out = new Map<string, Trajectory>();
  try {
    for (const q of questions) out.set(q.id, await playTrajectory(engine, q));
  } finally {
    await engine.close();
  }
  return out;
}

const pct = (x: number): string => x.toFixed(2);
const num = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-');

function rows(
  label: string,
  ours: Record<string, AnswerMetrics>,
  old?: Record<string, AnswerMetrics>,
): string[] {
  return Object.entries(ours).map(([k, m]) => {
    const o = old?.[k];
    const cells = [
      `${label}${k}`,
      String(m.n),
      pct(m.s0),
      pct(m.s1),
      pct(m.s3),
      num(m.medianChars),
      num(m.meanChars),
      pct(m.pageAt1),
      pct(m.sectionAt1),
      num(m.meanSearchChars),
    ];
    if (old)
      cells.push(
        o ? pct(o.s0) : '-',
        o ? pct(o.s1) : '-',
        o ? pct(o.s3) : '-',
        o ? num(o.medianChars) : '-',
        o ? num(o.meanChars) : '-',
      );
    return `| ${cells.join(' | ')} |`;
  });
}

export function markdown(ours: AnswerReport, old?: AnswerReport): string {
  const head = [
    'group',
    'n',
    'S0',
    'S1',
    'S3',
    'median chars',
    'mean chars',
    'page@1',
    'section@1',
    'search answer chars',
  ];
  if (old) head.push('old S0', 'old S1', 'old S3', 'old median chars', 'old mean chars');
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows('', { overall: ours.overall }, old ? { overall: old.overall } : undefined),
    ...rows('split: ', ours.bySplit, old?.bySplit),
    ...rows('set: ', ours.bySet, old?.bySet),
    ...rows('kind: ', ours.byKind, old?.byKind),
    ...rows('class: ', ours.byClass, old?.byClass),
  ].join('\n');
}

function missLines(questions: readonly AnswerQuestion[], runs: ReadonlyMap<string, Trajectory>): string[] {
  const out: string[] = [];
  for (const q of questions) {
    const t = runs.get(q.id);
    if (!t || t.s1) continue;
    const top = t.top ? `${t.top.path}#${t.top.section ?? ''}` : '-';
    out.push(
      `  ${q.id} [${q.kind}/${q.class}] S3=${t.s3 ? 'y' : 'n'} docRank=${t.docRank ?? '-'} "${q.question}" want ${q.doc}#${q.section}; top ${top}`,
    );
  }
  return out;
}

const START = '<!-- answers:start -->';
const END = '<!-- answers:end -->';

/** Puts the table between the answers markers of README (false when it has none). */
function updateReadme(file: string, body: string): boolean {
  const text = readFileSync(file, 'utf8');
  const s = text.indexOf(START);
  const e = text.indexOf(END);
  if (s === -1 || e < s) return false;
  writeFileSync(file, `${text.slice(0, s)}${START}\n\n${body.trim()}\n\n${text.slice(e)}`);
  return true;
}

async function main(): Promise<void> {
  let questions = loadAnswerSet(args.questions);
  if (args.split) questions = questions.filter((q) => splitOf(q) === args.split);
  const t0 = performance.now();
  const ours = await run(
    args['in-process'] ? await inProcessOurs(args.corpus) : await spawnOurs(args.corpus),
    questions,
  );
  const oursMs = performance.now() - t0;
  const old = args['no-baseline'] ? undefined : await run(await spawnOld(), questions);
  const oursReport = report(questions, ours);
  const oldReport = old ? report(questions, old) : undefined;
  const summary = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, loadAvg1m: Math.round(loadavg()[0] * 100) / 100, node: process.version },
    mode: args['in-process'] ? 'in-process' : 'stdio',
    questions: questions.length,
    oursMs: Math.round(oursMs),
    ours: oursReport,
    old: oldReport,
    trajectories: { ours: Object.fromEntries(ours), old: old ? Object.fromEntries(old) : undefined },
  };
  const md = [
    `Answer-level benchmark: ${questions.length} questions (test/eval/answers.json), our server (${summary.mode}) vs @workos/mcp-docs-server (stdio), same run, ${summary.date}, ${summary.machine.cores} shared cores (load ${summary.machine.loadAvg1m}).`,
    '',
    'S0 = every fact in the search answer; S1 = after reading the section the top result points at; S3 = after three reads (results 1-3). Chars = characters received until answered (search answer + reads; unanswered questions count everything received).',
    '',
    markdown(oursReport, oldReport),
  ].join('\n');
  if (!args.split && !args.questions) {
    const dir = args.out ?? join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'answers.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileSync(join(dir, 'answers.md'), `${md}\n`);
  }
  if (args.readme) {
    const ok = updateReadme(
      join(ROOT, 'README.md'),
      `${md}\n\nReproduce: \`npm run bench:answers\` (writes bench/results/answers.json and answers.md; \`-- --readme\` refreshes this table).`,
    );
    process.stderr.write(
      ok ? 'bench:answers: README updated\n' : 'bench:answers: README has no answers markers\n',
    );
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ ours: oursReport, old: oldReport }, null, 2)}\n`);
    return;
  }
  const out = [md];
  if (args.misses) out.push('', 'Not answered after one read (ours):', ...missLines(questions, ours));
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:answers: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
