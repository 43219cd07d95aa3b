import { z } from 'zod';
import { formatInfo } from '../format/info.js';
import { corpusInfo, type CorpusInfo } from '../info.js';
import { operationInput } from './input.js';
import { defineOperation } from './operation.js';

/** Which corpus is served, how old, how big: the CLI's `info` and the library's `info()`. */
export const infoOperation = defineOperation({
  name: 'info',
  description: () => 'The loaded corpus: server version, sources, build time and age, counts, file.',
  input: operationInput({}),
  output: z
    .object({ serverVersion: z.string(), corpusFile: z.string(), formatVersion: z.number() })
    .passthrough(),
  run: (runtime) => corpusInfo(runtime),
  markdown: (info: CorpusInfo) => formatInfo(info),
  structured: (info: CorpusInfo) => info,
});
