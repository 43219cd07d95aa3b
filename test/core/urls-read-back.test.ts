import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/core/index.js';
import { readDoc } from '../fixtures/operations.js';
import { realRuntime } from '../fixtures/real-runtime.js';

// Issue 15 item 4: the URL printed for each doc (search results, read headers) reads back, with
// its section anchors: SDK READMEs print their repository (https://github.com/workos/authkit-nextjs#…).
let runtime: Runtime;
beforeAll(async () => {
  runtime = await realRuntime();
});

describe('every doc URL we print reads back', () => {
  it('each doc’s own URL, and with each section anchor, reads that doc and section', () => {
    const bad: string[] = [];
    for (const doc of runtime.corpus.docs) {
      for (const s of [undefined, ...doc.sections.filter((x) => x.anchor)]) {
        const url = s ? `${doc.url}#${s.anchor}` : doc.url;
        try {
          const page = readDoc(runtime, { path: url });
          if (page.path !== doc.path || (s && page.section?.anchor !== s.anchor)) bad.push(url);
        } catch {
          bad.push(url);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(readDoc(runtime, { path: 'https://github.com/workos/authkit-nextjs/tree/main' }).path).toBe(
      'sdks/authkit-nextjs',
    );
  });
});
