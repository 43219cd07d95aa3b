/**
 * `npm run bench:examples [-- --corpus FILE --all --json]`
 *
 * Answers every question of the judged set test/eval/examples.json with workos_examples' operation
 * and prints the share whose first code block is relevant, the precision of all blocks shown and
 * the blocks per answer; `--all` lists every question, else only the wrong ones.
 */
import { parseArgs } from 'node:util';
import { NO_CONTEXT } from '../src/core/answer-context.js';
import type { ExamplesAnswer } from '../src/core/examples.js';
import { OPERATIONS, parseInput } from '../src/core/operations/index.js';
import { loadRuntime } from '../src/lifecycle/load-runtime.js';
import { resolveCorpusFile } from '../src/lifecycle/corpus-location.js';
import {
  judgeExamples,
  loadExampleQuestions,
  splitQuestions,
  type ExamplesReport,
} from '../harness/eval/examples-eval.js';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    all: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const runtime = await loadRuntime({ corpusFile: args.corpus ?? resolveCorpusFile() });
const { tuned, holdout } = splitQuestions(loadExampleQuestions());
const judge = (questions: typeof tuned): ExamplesReport =>
  judgeExamples(
    questions,
    ({ query, language, framework }) =>
      // The examples operation answers from the corpus alone, synchronously.
      OPERATIONS.examples.run(
        runtime,
        parseInput(OPERATIONS.examples, { query, language, framework }),
        NO_CONTEXT,
      ) as ExamplesAnswer,
  );
const reports = { tuned: judge(tuned), holdout: judge(holdout) };

if (args.json) {
  console.log(JSON.stringify(reports, null, 2));
} else {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  console.log(`workos_examples judged set (${runtime.corpusFile})`);
  for (const [name, report] of Object.entries(reports)) {
    const label = name === 'tuned' ? 'tuned on' : 'held out (never tuned on)';
    console.log(`${label}: ${report.questions} questions`);
    console.log(`  first code block relevant: ${pct(report.firstRelevant)}`);
    console.log(`  precision of blocks shown: ${pct(report.precision)}`);
    console.log(`  code blocks per answer:    ${report.blocksPerAnswer.toFixed(2)}`);
    for (const j of report.judgements.filter((x) => args.all || !x.right)) {
      const q = j.question;
      const asked = [q.language, q.framework].filter(Boolean).join(', ');
      console.log(
        `  ${j.right ? 'ok  ' : 'MISS'} ${j.id} "${q.query}"${asked ? ` (${asked})` : ''} -> ${j.first ?? '(no code)'} [${j.relevantShown}/${j.shown} relevant]`,
      );
    }
  }
}
