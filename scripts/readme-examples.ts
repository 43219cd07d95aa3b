// `npm run readme:examples`: regenerate the README's example answers from the bundled corpus (see scripts/readme/examples.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRuntime } from '../src/lifecycle/load-runtime.js';
import { bundledCorpusFile } from '../src/lifecycle/corpus-location.js';
import { applyExamples, findExamples, renderExamples } from '../harness/readme-examples.js';

const file = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = readFileSync(file, 'utf8');
const blocks = findExamples(readme);
const runtime = await loadRuntime({ corpusFile: bundledCorpusFile() });
const bodies = await renderExamples(runtime, blocks);
const next = applyExamples(readme, blocks, bodies);
const changed = blocks.filter((b, i) => b.body !== bodies[i]).length;
if (next !== readme) writeFileSync(file, next);
process.stdout.write(`README.md: ${blocks.length} examples, ${changed} updated\n`);
