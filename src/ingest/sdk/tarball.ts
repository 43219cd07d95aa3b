import { Parser, type ReadEntry } from 'tar';

export class TarballError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarballError';
  }
}

/** Largest file we keep in memory from a tarball; READMEs and changelogs are far smaller. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Reads the wanted files of a (gzipped) npm tarball in memory, keyed by their path below
 * the top folder (`package/README.md` -> `README.md`; the top folder is not always `package`).
 * `wanted` is matched case-insensitively so `readme.md` and `Changelog.md` are found too.
 */
export async function readTarballFiles(
  bytes: Buffer,
  wanted: string[],
  /** Also keep files this accepts, under their exact package-relative path (type declarations). */
  alsoKeep?: (path: string) => boolean,
): Promise<Map<string, string>> {
  const want = new Map(wanted.map((w) => [w.toLowerCase(), w]));
  const files = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        const rel = entry.path.replace(/^[^/]+\//, '');
        const key = want.get(rel.toLowerCase()) ?? (alsoKeep?.(rel) ? rel : undefined);
        if (entry.type !== 'File' || !key || entry.size > MAX_FILE_BYTES || files.has(key)) {
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on('data', (c: Buffer) => chunks.push(c));
        entry.on('end', () => files.set(key, Buffer.concat(chunks).toString('utf8')));
      },
    });
    parser.on('error', (err: Error) =>
      reject(new TarballError(`not a readable package tarball: ${err.message}`)),
    );
    parser.on('end', () => resolve());
    parser.end(bytes);
  });
  return files;
}
