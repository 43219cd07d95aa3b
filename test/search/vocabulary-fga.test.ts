import { describe, expect, it } from 'vitest';
import { expansionsOf, itExpands } from './synonym-expansions.js';

describe("FGA, RBAC, Audit Logs, Vault, Widgets, Pipes and reference pages in developers' words", () => {
  itExpands([
    // FGA
    ['how deep can my resource tree be', 'hierarchy rules'],
    ['can a project belong to two workspaces', 'single parent'],
    ['move a project to another workspace', 'changing parent relationships'],
    ['is there a deny rule that overrides a role', 'permissions are additive'],
    ['does access go away when I remove someone from the org', 'cascading events'],
    ["roles on a single project aren't in the token", 'why only organization-level roles'],
    ['use fga without authkit', 'standalone integration'],
    // RBAC
    ['can I rename a role', 'immutable'],
    ['which characters are allowed in permission slugs', 'delimiters'],
    ['role changes apply only when the user logs in again', 're-authenticates'],
    ['a user in two groups with conflicting roles', 'priority order'],
    // Audit Logs, Vault, Widgets, Pipes, Feature Flags
    ['log stream stopped sending events', 'stream states'],
    ['can I change the key context of an object', 'update the value of the object'],
    ['widget requests are blocked as cross-origin', 'cors'],
    ['user needs to reconnect their account', 'reauthorize'],
    // API keys, MCP, reference
    ['verify an API key sent to my API', 'validate api key'],
    ['let Claude connect to my server', 'mcp'],
    ['I lost my API key', 'viewed once'],
    ['can I put the API key in the browser', 'secure your api keys'],
  ]);

  it('one-way entries do not expand backwards', () => {
    expect(expansionsOf('hierarchy rules')).not.toContain('how deep');
    expect(expansionsOf('permissions are additive')).not.toContain('deny rule');
    expect(expansionsOf('validate api key')).not.toContain('verify an api key');
    expect(expansionsOf('mcp')).not.toContain('claude');
  });

  it('leaves phrases alone that the docs use for something else too', () => {
    // "millions of" users is scale, not the FGA advice on high-cardinality entities
    expect(expansionsOf('millions of users')).not.toContain('high-cardinality entities');
    // an attribute that is not mapped is Directory Sync, not a default role assignment
    expect(expansionsOf('attribute not mapped')).not.toContain('default role assignments');
    // restoring a deleted user is not a Vault object marked for deletion
    expect(expansionsOf('restore a deleted user')).not.toContain('marked for deletion');
  });
});
