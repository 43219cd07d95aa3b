import { describe, expect, it } from 'vitest';
import type { CodeExample, ReferenceEntry } from '../../src/corpus/types.js';
import { isConfigurationBlock, relevantExamples } from '../../src/core/example-relevance.js';
import type { SearchResult } from '../../src/search/types.js';

// Issue 15 item 2, the ranking rules on our own blocks and hits (the judged set over the real
// corpus is test/eval/examples.test.ts).
let n = 0;
function block(
  docPath: string,
  sectionAnchor: string,
  title: string,
  code: string,
  heading = title,
): CodeExample {
  n += 1;
  return {
    kind: 'code',
    id: `${docPath}#${sectionAnchor}:${n}`,
    language: 'bash',
    title,
    code,
    docPath,
    sectionAnchor,
    sectionHeading: heading,
  };
}

function hit(
  path: string,
  anchor: string,
  score: number,
  title: string,
  kind: SearchResult['kind'] = 'guide',
): SearchResult {
  return {
    path,
    anchor,
    title,
    section: title,
    headingPath: [],
    url: '',
    kind,
    product: path.split('/')[0],
    snippet: '',
    score,
    more: [],
  };
}

const ids = (ranked: { example: CodeExample }[]) =>
  ranked.map((r) => `${r.example.docPath}#${r.example.sectionAnchor}`);

describe('which code blocks answer a question', () => {
  it('a block making the call of the best reference page answers the API question, the same path with another method does not', () => {
    const create = block(
      'fga/assignments',
      'creating',
      'Creating assignments',
      'curl https://api.workos.com/authorization/organization_memberships/om_1/role_assignments \\\n  -X POST -d \'{"role_slug":"admin"}\'',
    );
    const list = block(
      'fga/assignments',
      'managing',
      'Managing assignments',
      'curl https://api.workos.com/authorization/organization_memberships/om_1/role_assignments',
    );
    const loose = block(
      'migrate/x',
      'memberships',
      'Creating organization memberships',
      'await workos.userManagement.createOrganizationMembership({ organizationId })',
    );
    const hits = [
      hit('reference/fga/role-assignment/create', 'assign-a-role', 10, 'Assign a role', 'reference'),
      hit('migrate/x', 'memberships', 4, 'Migrate'),
    ];
    const entries: ReferenceEntry[] = [
      {
        id: 'assign',
        language: 'curl',
        title: 'POST /authorization/organization_memberships/:organization_membership_id/role_assignments',
        httpMethod: 'POST',
        endpoint: '/authorization/organization_memberships/:organization_membership_id/role_assignments',
        parameters: [],
        properties: [],
        returns: [],
        markdown: '',
      },
    ];
    const question = 'assign a role to an organization membership';
    const context = {
      reference: (p: string) => (p === 'reference/fga/role-assignment/create' ? entries : undefined),
    };
    const ranked = relevantExamples([loose, list, create], hits, question, context);
    expect(ids(ranked)[0]).toBe('fga/assignments#creating');
    const score = (r: typeof ranked, b: CodeExample) => r.find((x) => x.example === b)?.score ?? 0;
    // The GET of the same path is another operation (list), and gains nothing from the page.
    const without = relevantExamples([loose, list, create], hits, question);
    expect(score(ranked, list)).toBe(score(without, list));
    expect(score(ranked, create)).toBeGreaterThan(score(without, create) + 0.5);
  });

  it('environment variables and IP allowlists are not answers unless asked for', () => {
    expect(isConfigurationBlock("WORKOS_API_KEY='sk_1'\nWORKOS_CLIENT_ID='client_1'", 'webhook')).toBe(true);
    expect(isConfigurationBlock("WORKOS_API_KEY='sk_1'", 'environment variables')).toBe(false);
    expect(isConfigurationBlock('3.217.146.166\n23.21.184.92', 'webhook')).toBe(true);
    expect(isConfigurationBlock('3.217.146.166\n23.21.184.92', 'webhook ip allowlist')).toBe(false);
    expect(isConfigurationBlock('curl https://api.workos.com/x', 'webhook')).toBe(false);
    const ips = block(
      'events/webhooks',
      'ip-allowlist',
      'WorkOS IP addresses',
      '3.217.146.166\n23.21.184.92',
    );
    expect(
      relevantExamples([ips], [hit('events/webhooks', 'ip-allowlist', 5, 'Webhooks')], 'webhooks'),
    ).toEqual([]);
  });

  it('the question’s word order breaks a tie between titles with the same words', () => {
    const users = block(
      'fga/qs',
      'list-users',
      'List users with access to a resource',
      'curl …/resources/r_1/organization_memberships',
    );
    const resources = block(
      'fga/qs',
      'list-resources',
      'List resources a user can access',
      'curl …/organization_memberships/om_1/resources',
    );
    const hits = [
      {
        ...hit('fga/qs', 'list-users', 5, 'Quick start'),
        more: [{ anchor: 'list-resources', section: '', snippet: '', score: 4.9 }],
      },
    ];
    expect(ids(relevantExamples([users, resources], hits, 'list resources a user can access'))[0]).toBe(
      'fga/qs#list-resources',
    );
    expect(ids(relevantExamples([resources, users], hits, 'list users with access to a resource'))[0]).toBe(
      'fga/qs#list-users',
    );
  });

  it('a page about the question answers with its blocks that hold one of its words', () => {
    const byok = block(
      'vault/byok',
      'multitenant',
      'Multitenant Applications',
      "await vault.createObject({ name: 'a', keyContext })",
    );
    const unrelated = block('vault/byok', 'other', 'Something else', 'console.log(1)');
    const hits = [hit('vault/byok', '', 5, 'Bring Your Own Key')];
    expect(ids(relevantExamples([byok, unrelated], hits, 'vault bring your own key'))).toEqual([
      'vault/byok#multitenant',
    ]);
  });

  it('code holding every word is a last resort: shown when nothing else matches, never in the HTTP fallback', () => {
    const handler = block(
      'migrate/stytch',
      'dsync',
      'Handle directory sync events',
      "app.post('/webhooks/workos', (req) => req.body.event)",
      '(4) Directory Sync',
    );
    expect(
      ids(relevantExamples([handler], [hit('events/webhooks', 'setup', 5, 'Webhooks')], 'webhook')),
    ).toEqual(['migrate/stytch#dsync']);
    expect(
      relevantExamples([handler], [hit('events/webhooks', 'setup', 5, 'Webhooks')], 'webhook', {
        codeOnly: false,
      }),
    ).toEqual([]);
  });
});
