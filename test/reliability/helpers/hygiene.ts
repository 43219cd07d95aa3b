import { homedir, tmpdir } from 'node:os';
import { resolve } from 'node:path';

/** Set in the environment of every server under test; its value must never appear in an answer. */
export const ENV_CANARY_NAME = 'WORKOS_DOCS_MCP_TEST_CANARY';
export const ENV_CANARY_VALUE = 'env-canary-7b1e0c9d4f3a';

/** Written into files planted around the corpus; reading any of them would put this string in an answer. */
export const FILE_CANARY = 'file-canary-5d2f8a61c0e4';

const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Concrete absolute paths of this machine that an answer must never reveal. Checked literally because
 * the docs themselves mention paths like `/app/root.tsx` or `addresses/home/region`.
 */
function machinePaths(extra: string[]): string[] {
  return [PROJECT_ROOT, homedir(), tmpdir(), process.execPath, ...extra].filter((p) => p.length > 4);
}

// Node stack frames: "    at fn (/x/y.js:1:2)" or "at file:///x.js:3:4".
const STACK_FRAME = /\bat (?:[^\n()]+ \()?((?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\n]*?:\d+(?::\d+)?)/g;
const ABSOLUTE_SYSTEM_PATH = /(?<=^|[\s"'`(=])\/(?:etc|proc|root|home|Users|tmp|var|work|private)\/[\w.-]+/g;

export interface HygieneOptions {
  /** Strings the caller sent: a finding that is only the caller's own input echoed back is not a leak. */
  input?: unknown;
  extraSecrets?: string[];
  extraPaths?: string[];
}

/**
 * Everything wrong with one piece of server output from a hygiene point of view: canary strings,
 * machine paths, stack frames, node_modules locations. An empty list means clean.
 */
export function hygieneProblems(text: string, options: HygieneOptions = {}): string[] {
  const problems: string[] = [];
  // Secrets are never excused: no generated input contains them.
  for (const secret of [ENV_CANARY_VALUE, FILE_CANARY, ...(options.extraSecrets ?? [])]) {
    if (text.includes(secret)) problems.push(`leaks secret ${secret}`);
  }
  const inputs = new Set<string>();
  collectStrings(options.input, inputs);
  const echoed = (found: string) => [...inputs].some((s) => s.includes(found));
  for (const p of machinePaths(options.extraPaths ?? [])) {
    if (text.includes(p) && !echoed(p)) problems.push(`reveals path ${p}`);
  }
  for (const m of text.matchAll(STACK_FRAME))
    if (!echoed(m[1])) problems.push(`stack frame: ${m[0].slice(0, 120)}`);
  for (const m of text.matchAll(ABSOLUTE_SYSTEM_PATH))
    if (!echoed(m[0])) problems.push(`absolute path: ${m[0].slice(0, 80)}`);
  if (text.includes('node_modules') && !echoed('node_modules')) problems.push('mentions node_modules');
  return problems;
}

function collectStrings(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 6) return;
  if (typeof value === 'string') {
    // Answers quote input trimmed, lower-cased, decoded or with backslashes as slashes; all are the caller's.
    for (const form of [value, value.toLowerCase(), value.replace(/\\/g, '/')]) {
      out.add(form);
      try {
        out.add(decodeURIComponent(form));
      } catch {
        /* not percent-encoded */
      }
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      collectStrings(v, out, depth + 1);
    }
  }
}
