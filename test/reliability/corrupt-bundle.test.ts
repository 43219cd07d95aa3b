/**
 * Corrupted and missing data: every broken bundle is refused by the loader with one line naming the
 * rebuild command, and the built server exits non-zero with exactly that line on stderr (nothing on
 * stdout, which belongs to JSON-RPC).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT_VERSION, BundleError, loadBundle } from '../../src/corpus/bundle.js';
import { payloadChecksum } from '../../src/corpus/checksum.js';
import { loadRuntime } from '../../src/lifecycle/load-runtime.js';
import { CorpusUnavailableError } from '../../src/core/errors.js';
import { bundledCorpusFile } from '../../src/lifecycle/corpus-location.js';
import { hygieneProblems } from './helpers/hygiene.js';
import { requireBuiltBin, runBin } from './helpers/spawn.js';
import { jsonRpcViolation } from './helpers/stdio-session.js';

const REBUILD = 'workos-docs-mcp build';
const INITIALIZE = `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } } })}\n`;
let dir: string;
let good: string;

/**
 * Format 2 lines: manifest, layout, then JSON and blobs. The file is handled as latin1 text (one char
 * per byte) so the binary part survives edits byte for byte.
 */
const lines = (g: string) => {
  const a = g.indexOf('\n');
  const b = g.indexOf('\n', a + 1);
  return { manifest: g.slice(0, a + 1), layout: g.slice(a + 1, b), rest: g.slice(b) };
};
/** Damage past the checksum: edit the layout line, then sign the result as a build would. */
const resigned = (g: string, edit: (layout: Record<string, unknown>) => unknown): string => {
  const { manifest, layout, rest } = lines(g);
  const body = `${JSON.stringify(edit(JSON.parse(layout) as Record<string, unknown>))}${rest}`;
  const checksum = payloadChecksum(Buffer.from(body, 'latin1'));
  return manifest.replace(/"checksum":"[0-9a-f]+"/, `"checksum":"${checksum}"`) + body;
};
type Blobs = { path: string[]; type: string; offset: number; length: number }[];
const blobs = (l: Record<string, unknown>) => l.blobs as Blobs;

/** Each broken bundle, written from the real one. */
const BROKEN: Record<string, (good: string) => string | null> = {
  'truncated to half': (g) => g.slice(0, Math.floor(g.length / 2)),
  'truncated by one byte': (g) => g.slice(0, -1),
  'truncated inside the manifest line': (g) => g.slice(0, 40),
  'only the manifest line': (g) => g.slice(0, g.indexOf('\n') + 1),
  'one byte of the payload changed': (g) => {
    const at = Math.floor(g.length * 0.7);
    return g.slice(0, at) + (g[at] === 'a' ? 'b' : 'a') + g.slice(at + 1);
  },
  'a wrong checksum': (g) => g.replace(/"checksum":"[0-9a-f]+"/, `"checksum":"${'0'.repeat(8)}"`),
  'a newer format version': (g) =>
    g.replace(/"formatVersion":\d+/, `"formatVersion":${BUNDLE_FORMAT_VERSION + 1}`),
  'an older format version': (g) =>
    g.replace(/"formatVersion":\d+/, `"formatVersion":${BUNDLE_FORMAT_VERSION - 1}`),
  'an empty file': () => '',
  'binary garbage': () => '\u0000\u00ff\u00fe\u0001'.repeat(1000),
  'valid JSON that is no bundle': () => '{"docs":[]}',
  'JSON with a manifest but no payload lists': () =>
    `{"manifest":{"formatVersion":${BUNDLE_FORMAT_VERSION},"checksum":"x"},\n}`,
  'the JSON payload truncated, re-signed': (g) =>
    resigned(g, (l) => ({ ...l, json: (l.json as number) - 100 })),
  'a blob running past the end, re-signed': (g) =>
    resigned(g, (l) => ({ ...l, blobs: blobs(l).map((b) => ({ ...b, length: b.length + 1e9 })) })),
  'a blob of an unknown type, re-signed': (g) =>
    resigned(g, (l) => ({ ...l, blobs: blobs(l).map((b) => ({ ...b, type: 'BigUint64Array' })) })),
  'a blob aimed at a missing field, re-signed': (g) =>
    resigned(g, (l) => ({ ...l, blobs: blobs(l).map((b) => ({ ...b, path: ['nowhere', 'x'] })) })),
  'a blob aimed at the prototype, re-signed': (g) =>
    resigned(g, (l) => ({ ...l, blobs: blobs(l).map((b) => ({ ...b, path: ['__proto__', 'x'] })) })),
  'the other byte order, re-signed': (g) => resigned(g, (l) => ({ ...l, littleEndian: !l.littleEndian })),
  'a layout line that is not an object, re-signed': (g) => resigned(g, () => 'nope'),
  'no layout line': (g) => lines(g).manifest,
  missing: () => null,
};

function writeBroken(name: string): string {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
  const text = BROKEN[name](good);
  if (text !== null) writeFileSync(file, text, 'latin1');
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wdm-corrupt-'));
  good = readFileSync(bundledCorpusFile(), 'latin1');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadBundle refuses every broken bundle with one actionable line', () => {
  for (const name of Object.keys(BROKEN)) {
    it(name, () => {
      const file = writeBroken(name);
      let error: unknown;
      try {
        loadBundle(file);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(BundleError);
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toContain(REBUILD);
    });
  }

  it('a directory where the bundle should be', () => {
    const sub = join(dir, 'a-directory.json');
    mkdirSync(sub, { recursive: true });
    expect(() => loadBundle(sub)).toThrow(BundleError);
  });

  it('the newer-format message says to upgrade', () => {
    expect(() => loadBundle(writeBroken('a newer format version'))).toThrow(/newer.*upgrade workos-docs-mcp/);
  });

  it('the bundle really carries blobs (the re-signed cases above damage something)', () => {
    expect(blobs(JSON.parse(lines(good).layout) as Record<string, unknown>).length).toBeGreaterThan(0);
  });

  it('loadRuntime turns it into a CorpusUnavailableError with the same line', async () => {
    await expect(loadRuntime({ corpusFile: writeBroken('a wrong checksum') })).rejects.toThrow(
      CorpusUnavailableError,
    );
  });
});

describe('the built server exits non-zero with one clear line', () => {
  // One spawn per kind of damage the issue names (the loader tests above cover the rest), plus the
  // other entry points over a bad checksum; all started together to keep the wall time down.
  const kinds = [
    'truncated to half',
    'a wrong checksum',
    'a newer format version',
    'missing',
    'an empty file',
  ];
  const entryPoints = [['serve', '--corpus', '<file>'], ['search', 'sso'], ['read', 'sso'], ['info']];
  const runs = new Map<string, ReturnType<typeof runBin>>();
  beforeAll(() => {
    requireBuiltBin();
    // Like a real client: send initialize and keep stdin open, so only the bad bundle can end the process.
    for (const name of kinds) {
      runs.set(
        name,
        runBin([], {
          env: { WORKOS_DOCS_MCP_CORPUS: writeBroken(name) },
          input: INITIALIZE,
          keepStdinOpen: true,
          timeoutMs: 60_000,
        }),
      );
    }
    // A client that closes stdin at once must still learn why the server could not start.
    runs.set(
      'stdin closed at once',
      runBin([], {
        env: { WORKOS_DOCS_MCP_CORPUS: writeBroken('truncated to half') },
        input: '',
        timeoutMs: 60_000,
      }),
    );
    const file = writeBroken('a wrong checksum');
    for (const args of entryPoints) {
      const argv = args.map((a) => (a === '<file>' ? file : a));
      runs.set(
        args.join(' '),
        runBin(argv, {
          env: { WORKOS_DOCS_MCP_CORPUS: file },
          ...(args[0] === 'serve' ? { input: INITIALIZE, keepStdinOpen: true } : { input: '' }),
          timeoutMs: 60_000,
        }),
      );
    }
  });

  const expectOneLine = async (key: string) => {
    const run = await runs.get(key)!;
    expect(run.signal, key).toBeNull();
    expect(run.code, key).toBe(1);
    // stdout may carry the initialize answer (the handshake need not wait for the corpus), nothing else.
    const stdoutLines = run.stdout.split('\n').filter((l) => l !== '');
    expect(stdoutLines.map(jsonRpcViolation).filter(Boolean), key).toEqual([]);
    const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines, `${key}: ${run.stderr}`).toHaveLength(1);
    expect(lines[0]).toContain(REBUILD);
    expect(hygieneProblems(lines[0].replace(/Corpus bundle \S+/, ''))).toEqual([]);
  };

  for (const name of kinds) it(`stdio server, bundle ${name}`, () => expectOneLine(name));
  it('stdio server, truncated bundle, client closes stdin at once', () =>
    expectOneLine('stdin closed at once'));
  for (const args of entryPoints)
    it(`${args.join(' ')} over a bad checksum`, () => expectOneLine(args.join(' ')));
});
