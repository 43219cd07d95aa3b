import type { ProjectNote } from './types.js';
import { MANIFEST_MAX_BYTES, type RootReader } from './root-reader.js';

/**
 * What a file said about one package. `rank` orders the evidence: the installed package beats a
 * lockfile, a lockfile beats a manifest's range, because that is the code that actually runs.
 */
export interface Observation {
  name: string;
  version?: string;
  range?: string;
  source: string;
  rank: number;
}

export const RANK = { manifest: 1, lockfile: 2, installed: 3 } as const;

/** One root being scanned: reads fixed names through the root reader, turning every problem into a note. */
export class ScanContext {
  readonly notes: ProjectNote[] = [];
  readonly files: string[] = [];
  constructor(readonly reader: RootReader) {}

  /** The text of `name`, or undefined when it is absent (silently) or unusable (with a note). */
  async text(name: string, maxBytes = MANIFEST_MAX_BYTES): Promise<string | undefined> {
    const out = await this.reader.read(name, maxBytes);
    if (out.kind === 'missing') return undefined;
    if (out.kind === 'skipped') {
      this.note(name, `skipped: ${out.reason}`);
      return undefined;
    }
    this.files.push(name);
    return out.text;
  }

  /** Parses `name` as JSON into an object, with a note when it is not one. */
  async json(name: string, maxBytes = MANIFEST_MAX_BYTES): Promise<Record<string, unknown> | undefined> {
    const text = await this.text(name, maxBytes);
    if (text === undefined) return undefined;
    return this.parsed(name, () => JSON.parse(text) as unknown);
  }

  /** Runs a parser and keeps the result when it is an object; otherwise notes why not. */
  parsed(name: string, parse: () => unknown): Record<string, unknown> | undefined {
    try {
      const data = parse();
      if (isRecord(data)) return data;
      this.note(name, 'skipped: not the expected structure (no top-level object)');
    } catch (err) {
      this.note(name, `skipped: malformed (${oneLine(err)})`);
    }
    return undefined;
  }

  note(file: string | undefined, reason: string): void {
    this.notes.push({ root: this.reader.root, ...(file ? { file } : {}), reason });
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined;
}

/** First line of a parser's message, short: notes are read by people and models, not debuggers. */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const line = msg.split('\n')[0].trim();
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
