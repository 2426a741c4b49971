import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { DnsVerifier } from '../../src/domains/dns-verifier.ts'
import { startDnsServer } from '../helpers/dns-server.ts'

async function timed<T> (work: Promise<T>): Promise<{ result: T, ms: number }> {
  const start = performance.now()
  const result = await work
  return { result, ms: performance.now() - start }
}

/**
 * Scheduling delay a loaded 2-core machine may add on top of a deadline. A missing deadline costs
 * a c-ares timeout per server, so the tests that check a deadline make that cost far larger.
 */
const SLACK_MS = 3000

t.test('A, AAAA or MX make a domain exist; NXDOMAIN and NODATA make it absent', async (t) => {
  const server = await startDnsServer(t, {
    zone: {
      'v4.test': { a: ['192.0.2.1'] },
      'v6.test': { aaaa: ['2001:db8:0:0:0:0:0:1'] },
      'mail.test': { mx: ['mx.mail.test'] },
      'empty.test': {}
    }
  })
  const verifier = new DnsVerifier({ timeoutMs: 2000, servers: [server.address] })
  const verdicts = await verifier.verify(['v4.test', 'V6.test', 'mail.test', 'empty.test', 'missing.test'])
  t.same([...verdicts], [['v4.test', true], ['V6.test', true], ['mail.test', true], ['empty.test', false], ['missing.test', false]])
})

t.test('no domains: an empty answer at once', async (t) => {
  const server = await startDnsServer(t)
  const timeoutMs = 10_000
  const { result, ms } = await timed(new DnsVerifier({ timeoutMs, servers: [server.address] }).verify([]))
  t.same([...result], [])
  t.ok(ms < timeoutMs, `did not wait for the deadline (${Math.round(ms)} ms)`)
  t.same(server.queries, [], 'and asked nothing')
})

t.test('duplicates are looked up once', async (t) => {
  const server = await startDnsServer(t, { zone: { 'v4.test': { a: ['192.0.2.1'] } } })
  const verdicts = await new DnsVerifier({ timeoutMs: 2000, servers: [server.address] }).verify(['v4.test', 'v4.test'])
  t.same([...verdicts], [['v4.test', true]])
  t.ok(server.queries.length <= 3, 'at most one A, AAAA and MX query')
})

t.test('a failing resolver makes the verdict unknown, not an error', async (t) => {
  const server = await startDnsServer(t, { mode: 'servfail' })
  const verdicts = await new DnsVerifier({ timeoutMs: 2000, servers: [server.address] }).verify(['a.test', 'b.test'])
  t.same([...verdicts], [['a.test', null], ['b.test', null]])
})

t.test('a name the server never answers for is unknown; the others are still decided', async (t) => {
  const server = await startDnsServer(t, { zone: { 'slow.test': { delayMs: Infinity } } })
  const verdicts = await new DnsVerifier({ timeoutMs: 300, servers: [server.address] }).verify(['slow.test', 'missing.test'])
  t.same([...verdicts], [['slow.test', null], ['missing.test', false]])
})

t.test('a hung resolver: unknown within about the timeout', async (t) => {
  const server = await startDnsServer(t, { mode: 'hang' })
  const timeoutMs = 300
  const { result, ms } = await timed(new DnsVerifier({ timeoutMs, servers: [server.address] }).verify(['a.test', 'b.test']))
  t.same([...result], [['a.test', null], ['b.test', null]])
  t.ok(ms >= timeoutMs - 20, `waited the timeout (${Math.round(ms)} ms)`)
  t.ok(ms < timeoutMs + SLACK_MS, `took ${Math.round(ms)} ms`)
})

t.test('several hung resolvers: the overall deadline still holds', async (t) => {
  const servers = await Promise.all(Array.from({ length: 5 }, async () => (await startDnsServer(t, { mode: 'hang' })).address))
  // Without the overall deadline c-ares would wait one timeout per server: 5 × 1500 ms.
  const timeoutMs = 1500
  const { result, ms } = await timed(new DnsVerifier({ timeoutMs, servers }).verify(['a.test']))
  t.same([...result], [['a.test', null]])
  t.ok(ms < timeoutMs + SLACK_MS, `took ${Math.round(ms)} ms, not one timeout per server`)
})

t.test('lookups run in parallel', async (t) => {
  const names = Array.from({ length: 8 }, (_, i) => `slow${i}.test`)
  const delayMs = 1000
  const server = await startDnsServer(t, { zone: Object.fromEntries(names.map((name) => [name, { a: ['192.0.2.1'], delayMs }])) })
  const { result, ms } = await timed(new DnsVerifier({ timeoutMs: 20_000, servers: [server.address] }).verify(names))
  t.same([...result.values()], names.map(() => true))
  t.ok(ms < names.length * delayMs, `took ${Math.round(ms)} ms, less than one after the other (${names.length * delayMs} ms)`)
})

t.test('answers arriving after the deadline do not change the result', async (t) => {
  const server = await startDnsServer(t, { zone: { 'late.test': { a: ['192.0.2.1'], delayMs: 400 } } })
  const result = await new DnsVerifier({ timeoutMs: 200, servers: [server.address] }).verify(['late.test'])
  t.same([...result], [['late.test', null]])
  await sleep(400)
  t.same([...result], [['late.test', null]])
})

t.test('one call reaching its deadline does not cancel another call', async (t) => {
  const server = await startDnsServer(t, { zone: { 'hung.test': { delayMs: Infinity }, 'slow.test': { a: ['192.0.2.1'], delayMs: 1500 } } })
  const verifier = new DnsVerifier({ timeoutMs: 2000, servers: [server.address] })
  const first = verifier.verify(['hung.test'])
  await sleep(1000)
  // Answered at about 2500 ms, after the first call gave up at 2000 ms.
  const second = verifier.verify(['slow.test'])
  t.same([...await first], [['hung.test', null]])
  t.same([...await second], [['slow.test', true]])
})

t.test('without servers the system resolver is used', async (t) => {
  const timeoutMs = 300
  const { result, ms } = await timed(new DnsVerifier({ timeoutMs, servers: [] }).verify(['jobfit-test.invalid']))
  t.same([...result.keys()], ['jobfit-test.invalid'])
  t.not(result.get('jobfit-test.invalid'), true, '.invalid never exists')
  t.ok(ms < timeoutMs + SLACK_MS, `took ${Math.round(ms)} ms`)
})

t.test('a malformed server address fails at construction', async (t) => {
  t.throws(() => new DnsVerifier({ timeoutMs: 300, servers: ['not an address'] }), { code: 'ERR_INVALID_IP_ADDRESS' })
})
