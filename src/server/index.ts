export { createServer, type CreateServerOptions } from './create-server.js';
export { SERVER_INSTRUCTIONS } from './instructions.js';
export { DOC_URI_PREFIX, TOC_URI, CHANGELOG_URI } from './resources.js';
