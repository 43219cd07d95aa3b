import { describe, expect, it } from 'vitest';
import {
  diffSurfaces,
  nameSimilarity,
  type DiffSurface,
  type DiffSymbol,
} from '../../src/core/surface-diff/index.js';

/** A method symbol in the surface model's shape: `fields` become one options object parameter. */
function method(
  qualified: string,
  opts: {
    fields?: (string | [string, string, boolean?, string?])[];
    params?: [string, string][];
    endpoint?: string;
    deprecated?: string;
  } = {},
): DiffSymbol {
  const [namespace, name] = qualified.includes('.') ? qualified.split('.') : [undefined, qualified];
  const params = opts.fields
    ? [
        {
          name: 'options',
          type: `${name![0].toUpperCase()}${name!.slice(1)}Options`,
          optional: false,
          fields: opts.fields.map((f) => {
            const [n, type = 'string', optional = false, deprecated] = typeof f === 'string' ? [f] : f;
            return { name: n, type, optional, ...(deprecated !== undefined ? { deprecated } : {}) };
          }),
        },
      ]
    : (opts.params ?? []).map(([n, type]) => ({ name: n, type, optional: false }));
  const [verb, path] = opts.endpoint?.split(' ') ?? [];
  return {
    kind: namespace ? 'method' : 'function',
    name: name!,
    qualifiedName: qualified,
    ...(namespace ? { namespace } : {}),
    signatures: [{ params, returns: 'Promise<void>' }],
    ...(opts.deprecated !== undefined ? { deprecated: opts.deprecated } : {}),
    ...(verb ? { endpoint: { method: verb, path } } : {}),
  };
}

function surface(version: string, symbols: DiffSymbol[], classes: Record<string, string> = {}): DiffSurface {
  const namespaces = new Map<string, string[]>();
  for (const s of symbols)
    if (s.namespace) namespaces.set(s.namespace, [...(namespaces.get(s.namespace) ?? []), s.name]);
  return {
    package: '@workos-inc/node',
    version,
    client: {
      className: 'WorkOS',
      namespaces: [...namespaces].map(([name, methods]) => ({
        name,
        className: classes[name] ?? name[0].toUpperCase() + name.slice(1),
        methods,
      })),
    },
    symbols,
  };
}

const mfaMethods = (ns: string): DiffSymbol[] => [
  method(`${ns}.deleteFactor`, { params: [['id', 'string']] }),
  method(`${ns}.getFactor`, { params: [['id', 'string']] }),
  method(`${ns}.enrollFactor`, { fields: ['type', ['issuer', 'string', true]] }),
  method(`${ns}.challengeFactor`, { fields: ['authenticationFactorId', ['smsTemplate', 'string', true]] }),
  method(`${ns}.verifyChallenge`, { fields: ['authenticationChallengeId', 'code'] }),
];

const v8 = surface(
  '8.13.0',
  [
    method('portal.generateLink', {
      fields: ['intent', 'organization', ['returnUrl', 'string', true], ['successUrl', 'string', true]],
    }),
    ...mfaMethods('mfa'),
    method('organizationDomains.verify', { params: [['id', 'string']] }),
    method('organizationDomains.get', { params: [['id', 'string']] }),
    method('authorization.createRole', { fields: ['slug', 'name', ['description', 'string', true]] }),
    method('userManagement.listAuthFactors', { fields: ['userId', ['limit', 'number', true]] }),
    method('userManagement.getUser', { params: [['userId', 'string']] }),
    method('userManagement.legacyThing', { params: [['x', 'string']], deprecated: 'Use getUser.' }),
    method('sso.getProfile', { fields: ['accessToken'], endpoint: 'GET /sso/profile' }),
    method('sso.oldEndpointName', { fields: ['a'], endpoint: 'POST /sso/token' }),
  ],
  { portal: 'Portal', mfa: 'Mfa' },
);

const v12 = surface(
  '12.3.0',
  [
    method('adminPortal.generateLink', {
      fields: [
        ['intent', 'GenerateLinkIntent', true],
        'organization',
        ['returnUrl', 'string', true],
        ['successUrl', 'string', true],
        ['intentOptions', '{ sso: {} }', true],
      ],
    }),
    method('adminPortal.revokeLink', { fields: ['externalUserId'] }),
    ...mfaMethods('multiFactorAuth'),
    method('organizationDomains.verifyOrganizationDomain', { params: [['id', 'string']] }),
    method('organizationDomains.get', { params: [['id', 'string']] }),
    method('authorization.createEnvironmentRole', {
      fields: ['slug', 'name', ['description', 'string', true]],
    }),
    method('authorization.createOrganizationRole', {
      fields: ['organizationId', 'slug', 'name', ['description', 'string', true]],
    }),
    method('userManagement.listUserAuthFactors', { fields: ['userId', ['limit', 'number', true]] }),
    method('userManagement.getUser', { params: [['userId', 'string']], deprecated: 'Use getUserById.' }),
    method('userManagement.deleteUser', { params: [['userId', 'string']] }),
    method('sso.getProfile', {
      fields: [
        ['accessToken', 'string', false, 'Pass a code instead.'],
        ['code', 'string', true],
      ],
      endpoint: 'GET /sso/profile',
    }),
    method('sso.exchangeToken', { fields: ['b'], endpoint: 'POST /sso/token' }),
    method('vault.createObject', { fields: ['name', 'value'] }),
  ],
  { adminPortal: 'AdminPortal', multiFactorAuth: 'MultiFactorAuth' },
);

describe('diffSurfaces', () => {
  const d = diffSurfaces(v8, v12);

  it('finds namespace renames from their shared methods, not from a table', () => {
    expect(d.namespaces.renamed.map((r) => [r.from, r.to])).toEqual([
      ['mfa', 'multiFactorAuth'],
      ['portal', 'adminPortal'],
    ]);
    expect(d.namespaces.renamed[0].why).toMatch(
      /^same methods \(deleteFactor, getFactor, enrollFactor, challengeFactor, …\), class Mfa -> MultiFactorAuth$/,
    );
    expect(d.namespaces.added).toEqual(['vault']);
    expect(d.namespaces.removed).toEqual([]);
  });

  it('methods of a renamed namespace are not reported as removed and added', () => {
    expect(d.symbols.removed).not.toContain('portal.generateLink');
    expect(d.symbols.added).not.toContain('adminPortal.generateLink');
    expect(d.symbols.added).toEqual(
      expect.arrayContaining(['adminPortal.revokeLink', 'vault.createObject', 'userManagement.deleteUser']),
    );
  });

  it('finds method renames by structure: related names with the same call shape, the same endpoint', () => {
    const renames = Object.fromEntries(d.symbols.renamed.map((r) => [r.from, r]));
    expect(renames['organizationDomains.verify']).toMatchObject({
      to: 'organizationDomains.verifyOrganizationDomain',
      why: 'same parameters (id: string) and a related name',
    });
    expect(renames['userManagement.listAuthFactors']).toMatchObject({
      to: 'userManagement.listUserAuthFactors',
      why: 'same options (userId, limit)',
    });
    expect(renames['authorization.createRole']).toMatchObject({
      to: 'authorization.createEnvironmentRole',
      also: ['authorization.createOrganizationRole'],
    });
    expect(renames['sso.oldEndpointName']).toMatchObject({
      to: 'sso.exchangeToken',
      why: 'same endpoint POST /sso/token',
    });
    expect(d.symbols.removed).toEqual(['userManagement.legacyThing']);
    expect(d.removedDeprecated).toEqual(['userManagement.legacyThing']);
  });

  it('option fields added, retyped, now optional; new deprecations of methods and fields', () => {
    const link = d.options.find((o) => o.symbol === 'adminPortal.generateLink');
    expect(link).toEqual({
      symbol: 'adminPortal.generateLink',
      added: ['intentOptions'],
      removed: [],
      changed: [{ name: 'intent', from: 'string', to: 'GenerateLinkIntent' }],
      nowRequired: [],
      nowOptional: ['intent'],
    });
    expect(d.options.find((o) => o.symbol === 'sso.getProfile')?.added).toEqual(['code']);
    expect(d.deprecated).toEqual([
      { symbol: 'userManagement.getUser', text: 'Use getUserById.' },
      { symbol: 'sso.getProfile', field: 'accessToken', text: 'Pass a code instead.' },
    ]);
  });

  it('unrelated methods that only share `(id: string)` are not called a rename', () => {
    const a = surface('1.0.0', [
      method('users.remove', { params: [['id', 'string']] }),
      method('users.list', { params: [] }),
      method('users.get', { params: [] }),
    ]);
    const b = surface('2.0.0', [
      method('users.archive', { params: [['id', 'string']] }),
      method('users.list', { params: [] }),
      method('users.get', { params: [] }),
    ]);
    const diff = diffSurfaces(a, b);
    expect(diff.symbols.renamed).toEqual([]);
    expect(diff.symbols.removed).toEqual(['users.remove']);
    expect(diff.symbols.added).toEqual(['users.archive']);
  });

  it('a namespace replaced by an unrelated one is removed + added, not renamed', () => {
    const a = surface('1.0.0', [
      method('fga.check', { fields: ['warrant'] }),
      method('fga.query', { fields: ['q'] }),
    ]);
    const b = surface('2.0.0', [
      method('authorization.check', { fields: ['permission', 'resource'] }),
      method('authorization.listRoles', { params: [] }),
    ]);
    const diff = diffSurfaces(a, b);
    expect(diff.namespaces.renamed).toEqual([]);
    expect(diff.namespaces.removed).toEqual(['fga']);
    expect(diff.namespaces.added).toEqual(['authorization']);
  });

  it('the same version twice is an empty diff; reversed, renames run the other way', () => {
    const same = diffSurfaces(v12, v12);
    expect([same.namespaces, same.symbols].flatMap((x) => [...x.added, ...x.removed, ...x.renamed])).toEqual(
      [],
    );
    expect(same.options).toEqual([]);
    const back = diffSurfaces(v12, v8);
    expect(back.namespaces.renamed.map((r) => `${r.from}->${r.to}`)).toEqual([
      'multiFactorAuth->mfa',
      'adminPortal->portal',
    ]);
  });
});

describe('nameSimilarity', () => {
  it('acronyms, containment and shared words score; unrelated names do not', () => {
    expect(nameSimilarity('mfa', 'multiFactorAuth')).toBeGreaterThanOrEqual(0.7);
    expect(nameSimilarity('portal', 'adminPortal')).toBeGreaterThanOrEqual(0.6);
    expect(nameSimilarity('verify', 'verifyOrganizationDomain')).toBeGreaterThanOrEqual(0.6);
    expect(nameSimilarity('remove', 'archive')).toBe(0);
    expect(nameSimilarity('sso', 'userManagement')).toBe(0);
  });
});
