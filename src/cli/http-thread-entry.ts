/**
 * Where the tool thread's entry module (src/http-thread.ts, dist/http-thread.js) is. Found from this
 * module's own URL, which is one folder below the package's code both here (src/cli/) and in the
 * bundle (dist/chunks/).
 */
export function httpThreadEntry(): URL {
  const ts = import.meta.url.endsWith('.ts');
  return new URL(ts ? '../http-thread.ts' : '../http-thread.js', import.meta.url);
}
