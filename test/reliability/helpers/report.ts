/** Case counts: defaults sized for a 2-core CI box; RELIABILITY_FUZZ_RUNS scales every fuzz test up or down. */
export function fuzzRuns(fallback: number): number {
  const n = Number(process.env.RELIABILITY_FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** One summary line in the test output, e.g. "fuzz: workos_docs: 300 cases, 0 failures". */
export function report(area: string, line: string): void {
  console.log(`${area}: ${line}`);
}

/** The failure of a fast-check run as one readable message: counterexample, seed, and what was wrong. */
export function failureMessage(details: {
  failed: boolean;
  counterexample: unknown;
  seed: number;
  numRuns: number;
  errorInstance: unknown;
}): string {
  if (!details.failed) return '';
  const err =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const example = JSON.stringify(details.counterexample, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}…(${v.length} chars)` : v,
  );
  return `after ${details.numRuns} cases (seed ${details.seed}), counterexample ${example?.slice(0, 1000)}:\n${err}`;
}
