// Entry of a tool thread of `serve --http` (transports/http/thread.ts): like bin.ts, a module whose
// import has a side effect, and on purpose: it runs in a worker thread started by the HTTP thread.
import { serveThread } from './transports/http/thread.js';
import { loadHttpDeps } from './cli/serve-http-deps.js';

void serveThread((corpusFile) => loadHttpDeps(typeof corpusFile === 'string' ? corpusFile : undefined));
