/**
 * Item 2 scenario: one POST carrying a batch of `workos_examples` calls, each a different
 * 500-character query, while /healthz is probed every 100 ms. Reports the worst probe latency.
 */
import { httpCall, post, sleep, startHttp } from './server.js';

const WORDS =
  'authentcation organization directroy connection sesion token webhook events user_management sso saml oidc provisioning domain verification audit_logs admin portal roles permissions magic auth passkeys mfa totp createUser listOrganizations'.split(
    ' ',
  );

function hostileQuery(seed: number): string {
  let s = '';
  let x = seed;
  while (s.length < 500) {
    x = (x * 16807) % 2147483647;
    s += `${WORDS[x % WORDS.length]}${x % 3 === 0 ? '_' : ' '}`;
  }
  return s.slice(0, 500);
}

export async function httpBatch(bin: string, size = 20) {
  const server = await startHttp(bin);
  try {
    const batch = JSON.stringify(
      Array.from({ length: size }, (_, i) => ({
        jsonrpc: '2.0',
        id: i + 1,
        method: 'tools/call',
        params: { name: 'workos_examples', arguments: { query: hostileQuery(i + 1) } },
      })),
    );
    // Warm the corpus and JIT first, as a running server is.
    await post(
      `${server.url}/mcp`,
      JSON.stringify({
        jsonrpc: '2.0',
        id: 0,
        method: 'tools/call',
        params: { name: 'workos_examples', arguments: { query: 'sso' } },
      }),
    );
    let done = false;
    const sent = post(`${server.url}/mcp`, batch, { timeoutMs: 120_000 }).then((a) => {
      done = true;
      return a;
    });
    await sleep(200);
    const probes: number[] = [];
    while (!done) {
      const h = await httpCall(`${server.url}/healthz`, 'GET', undefined, { timeoutMs: 60_000 });
      probes.push(h.ms);
      await sleep(100);
    }
    const answer = await sent;
    let answered = 0;
    let refused = 0;
    for (const line of answer.text.split('\n')) {
      const json = line.startsWith('data: ')
        ? line.slice(6)
        : line.startsWith('[') || line.startsWith('{')
          ? line
          : '';
      if (!json) continue;
      const parsed = JSON.parse(json) as unknown;
      for (const m of Array.isArray(parsed) ? parsed : [parsed]) {
        if ((m as { error?: unknown }).error) refused += 1;
        else answered += 1;
      }
    }
    return {
      batchSize: size,
      bodyBytes: batch.length,
      status: answer.status,
      batchMs: Math.round(answer.ms),
      answered,
      refused,
      probes: probes.length,
      worstHealthzMs: Math.round(Math.max(0, ...probes)),
      medianHealthzMs: Math.round(probes.sort((a, b) => a - b)[Math.floor(probes.length / 2)] ?? 0),
    };
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}
