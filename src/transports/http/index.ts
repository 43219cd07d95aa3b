export { runHttp, type RunHttpOptions } from './run.js';
export { startHttpServer, type RunningHttpServer } from './server.js';
export { resolveHttpOptions, HTTP_DEFAULTS, type HttpOptions } from './options.js';
export type { AppDeps } from './app.js';
export type { ServerFactory } from './mcp.js';
