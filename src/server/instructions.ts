import { MCP_FACE } from './face.js';

const tool = MCP_FACE.name;

/** Sent at initialize: a few lines telling the client's model which tool answers what. */
export const SERVER_INSTRUCTIONS = [
  'WorkOS documentation: AuthKit, SSO, Directory Sync, Audit Logs, Admin Portal, Events, FGA, the API reference and SDKs.',
  `- ${tool('search')}: start here; find pages for a question or keywords.`,
  `- ${tool('read')}: read a page by path (from search); \`section\` for one part, \`language\` for one SDK on API reference pages; no path = table of contents.`,
  `- ${tool('examples')}: code snippets and example apps by topic and language; SDK method signatures for API questions.`,
  `- ${tool('changelogs')}: recent WorkOS changes.`,
  'Answers are compact Markdown; long pages are paginated (ask for the next page).',
].join('\n');
