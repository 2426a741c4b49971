import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { buildTestApp, metricValue, redisReady } from './helpers/app.ts'
import { startDnsServer } from './helpers/dns-server.ts'
import { startRedisServer } from './helpers/redis-server.ts'

const findDomain = (body: unknown) => ({ method: 'POST' as const, url: '/api/find-domain', payload: body as Record<string, unknown> })

t.test('suggests ranked domains from the name, legal suffix stripped, country TLD from the location', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject(findDomain({ company_name: 'Acme Robotics GmbH', location: 'Berlin, Germany' }))
  t.equal(response.statusCode, 200)
  const { suggestions } = response.json()
  const domains = suggestions.map((suggestion: { domain: string }) => suggestion.domain)
  t.ok(domains.includes('acmerobotics.de') && domains.includes('acmerobotics.com'), domains.join(', '))
  t.notOk(domains.some((domain: string) => domain.includes('gmbh')), 'the legal form is not part of any domain')
  t.ok(domains.indexOf('acmerobotics.de') < domains.indexOf('acmerobotics.com'), 'the location TLD ranks first')
  const confidences = suggestions.map((suggestion: { confidence: number }) => suggestion.confidence)
  t.same(confidences, [...confidences].sort((a, b) => b - a), 'best first')
  t.ok(suggestions.every((suggestion: { verified: unknown }) => suggestion.verified === null), 'not checked in DNS by default')
})

t.test('internationalized names come back as punycode', async (t) => {
  const { app } = await buildTestApp(t)
  const { suggestions } = (await app.inject(findDomain({ company_name: 'Müller Bäckerei AG', location: 'Zürich' }))).json()
  const domains: string[] = suggestions.map((suggestion: { domain: string }) => suggestion.domain)
  t.ok(domains.some((domain) => domain.startsWith('xn--')), domains.join(', '))
  t.ok(domains.every((domain) => /^[a-z0-9.-]+$/.test(domain)), 'every domain is an ASCII host name')
  t.ok(domains.some((domain) => domain.endsWith('.ch')))
})

t.test('bad input: 400 in Fastify\'s error shape', async (t) => {
  const { app } = await buildTestApp(t)
  for (const body of [{}, { company_name: '' }, { company_name: 'Inc.' }, { company_name: 'Acme', color: 'red' }, { company_name: 42 }]) {
    const response = await app.inject(findDomain(body))
    t.equal(response.statusCode, 400, JSON.stringify(body))
    t.same(Object.keys(response.json()).sort(), ['error', 'message', 'statusCode'])
  }
  t.match((await app.inject(findDomain({ company_name: 'Inc.' }))).json().message, /company/i)
})

t.test('DNS verification against a loopback resolver marks and ranks verified domains', async (t) => {
  const dns = await startDnsServer(t, { zone: { 'acmerobotics.io': { a: ['192.0.2.10'] } } })
  const { app } = await buildTestApp(t, { DOMAIN_VERIFY_DNS: 'true', DOMAIN_DNS_SERVERS: dns.address, DOMAIN_DNS_TIMEOUT_MS: '1000' })
  const { suggestions } = (await app.inject(findDomain({ company_name: 'Acme Robotics Inc.', industry: 'software' }))).json()
  t.match(suggestions[0], { domain: 'acmerobotics.io', verified: true })
  t.ok(suggestions.slice(1).every((suggestion: { verified: unknown }) => suggestion.verified === false), 'the rest do not resolve')
  t.ok(dns.queries.includes('acmerobotics.com'), 'the resolver was asked')
})

t.test('cached for an hour in the domain namespace, which clear-domains empties', async (t) => {
  const { app } = await buildTestApp(t)
  const body = { company_name: 'Globex Corporation', location: 'London' }
  const first = await app.inject(findDomain(body))
  const second = await app.inject(findDomain({ ...body, company_name: ' Globex   Corporation ' }))
  t.same(second.json().suggestions, first.json().suggestions)
  t.same([first.json().meta.source, second.json().meta.source], ['provider', 'cache'])
  t.equal(await metricValue(app, 'cache_hits_total', { namespace: 'domain', tier: 'l1' }), 1)
  const cleared = (await app.inject({ method: 'POST', url: '/api/cache/clear-domains' })).json()
  t.equal(cleared.l1.removed, 1)
  await app.inject(findDomain(body))
  t.equal(await metricValue(app, 'cache_hits_total', { namespace: 'domain', tier: 'l1' }), 1, 'computed again after the clear')
})

t.test('Redis hung: still 200, the failure counted', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url })
  t.ok(await redisReady(app))
  redis.pause()
  const response = await app.inject(findDomain({ company_name: 'Initech LLC' }))
  t.equal(response.statusCode, 200)
  t.ok(response.json().suggestions.length > 0)
  t.ok(await metricValue(app, 'cache_get_failures_total', { namespace: 'domain' }) >= 1)
})

t.test('another instance reads the suggestions from Redis, checked against their shape', async (t) => {
  const redis = await startRedisServer(t)
  const body = { company_name: 'Stark Industries', location: 'New York' }
  const first = (await buildTestApp(t, { REDIS_URL: redis.url })).app
  await first.ready()
  t.ok(await redisReady(first))
  const answer = (await first.inject(findDomain(body))).json().suggestions
  await first.cache.flush()
  const second = (await buildTestApp(t, { REDIS_URL: redis.url })).app
  await second.ready()
  t.ok(await redisReady(second))
  t.same((await second.inject(findDomain(body))).json().suggestions, answer)
  t.equal(await metricValue(second, 'cache_hits_total', { namespace: 'domain', tier: 'l2' }), 1)

  const keys = (await redis.command('KEYS', 'jobfit:domain:*')).split('\n')
  t.equal(keys.length, 1)
  await redis.command('SET', keys[0] ?? '', JSON.stringify({ v: 2, x: Date.now() + 60_000, f: Date.now() + 60_000, d: [{ domain: 42 }] }))
  const third = (await buildTestApp(t, { REDIS_URL: redis.url })).app
  await third.ready()
  t.ok(await redisReady(third))
  t.same((await third.inject(findDomain(body))).json().suggestions, answer, 'a stored value of the wrong shape is recomputed')
  t.equal(await metricValue(third, 'cache_get_failures_total', { namespace: 'domain', reason: 'corrupt' }), 1)
})

t.test('eager refresh: the first read after the configured share of the TTL refreshes the entry in the background', async (t) => {
  // TTL 4 s, refresh due after 2 s: reads at about 2.5 s and 5 s, each with 1.5 s of slack either way.
  const { app } = await buildTestApp(t, { CACHE_TTL_DOMAIN_SECONDS: '4', CACHE_EAGER_REFRESH_FRACTION: '0.5' })
  const body = { company_name: 'Umbrella Corporation', location: 'Paris' }
  const source = async () => (await app.inject(findDomain(body))).headers['x-jobfit-source']
  t.equal(await source(), 'provider', 'computed')
  await sleep(2500)
  t.equal(await source(), 'cache', 'past half the TTL: answered from the cache, a refresh started behind it')
  await sleep(2500)
  t.equal(await source(), 'cache', 'past the original TTL, still fresh: the eager refresh rewrote the entry')
})

t.test('fail-safe: DNS inconclusive after the TTL, a stale answer at hand: the stale answer, marked degraded', async (t) => {
  let hung = false
  // Unknown names answer NXDOMAIN (a conclusive "no"); once `hung`, no name is ever answered.
  const zone = new Proxy({}, { get: () => hung ? { delayMs: Infinity } : undefined })
  const dns = await startDnsServer(t, { zone })
  const { app } = await buildTestApp(t, { DOMAIN_VERIFY_DNS: 'true', DOMAIN_DNS_SERVERS: dns.address, DOMAIN_DNS_TIMEOUT_MS: '300', CACHE_TTL_DOMAIN_SECONDS: '1' })
  const body = { company_name: 'Wayne Enterprises', location: 'Gotham' }
  const first = await app.inject(findDomain(body))
  t.equal(first.headers['x-jobfit-source'], 'provider')
  await sleep(1100)
  hung = true
  const stale = await app.inject(findDomain(body))
  t.equal(stale.statusCode, 200)
  t.same(stale.json().suggestions, first.json().suggestions, 'the last conclusive answer')
  t.same(stale.json().meta, { source: 'stale', degraded: true })
  t.equal(stale.headers['x-jobfit-degraded'], 'true')
})
