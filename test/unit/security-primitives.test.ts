import { randomBytes } from 'node:crypto'
import t from 'tap'
import { EnvelopeCipher } from '../../src/cache/envelope-cipher.ts'
import { bearerToken, isLoopback, SecretSet } from '../../src/http/credentials.ts'
import { routeClassOf } from '../../src/http/route-classes.ts'
import { DegradingCounter, DegradingRateLimitStore } from '../../src/rate-limit/degrading-store.ts'

const KEY = 'jobfit:cv:v1:abc'

t.test('EnvelopeCipher: seals per namespace, opens with any listed key, refuses tampering and unknown ids', async (t) => {
  const old = { id: 'old', key: randomBytes(32) }
  const current = { id: 'new', key: randomBytes(32) }
  const before = new EnvelopeCipher([old], ['cv'])
  const after = new EnvelopeCipher([current, old], ['cv'])
  t.ok(after.seals('cv'))
  t.notOk(after.seals('embedding'))
  const sealed = before.seal('{"name":"Ada"}', KEY)
  t.match(sealed, /^enc1\.old\./)
  t.notMatch(sealed, /Ada/)
  t.same(after.open(sealed, KEY), { ok: true, text: '{"name":"Ada"}' }, 'the old key still opens after rotation')
  t.match(after.seal('x', KEY), /^enc1\.new\./, 'the first key seals')
  t.same(after.open('{"v":1}', KEY), { ok: true, text: '{"v":1}' }, 'values written before encryption pass through')
  t.same(new EnvelopeCipher([current], ['cv']).open(sealed, KEY), { ok: false, problem: 'sealed value has an unknown key id' })
  t.same(after.open(sealed, 'jobfit:cv:v1:other'), { ok: false, problem: 'sealed value failed authentication' }, 'bound to its Redis key')
  const parts = sealed.split('.')
  const flipped = [...parts.slice(0, 4), Buffer.from('tampered').toString('base64')].join('.')
  t.same(after.open(flipped, KEY), { ok: false, problem: 'sealed value failed authentication' })
  t.same(after.open('enc1.old.x', KEY), { ok: false, problem: 'sealed value is malformed' })
  t.same(after.open(`${sealed}.extra`, KEY), { ok: false, problem: 'sealed value is malformed' })
  t.same(after.open(['enc1', 'old', 'AAAA', parts[3], parts[4]].join('.'), KEY), { ok: false, problem: 'sealed value is malformed' }, 'short IV')
  t.throws(() => new EnvelopeCipher([], ['cv']), /at least one key/)
  t.throws(() => new EnvelopeCipher([{ id: 'k', key: randomBytes(16) }], ['cv']), /32 bytes/)
  t.throws(() => new EnvelopeCipher([{ id: 'a.b', key: randomBytes(32) }], ['cv']), /must not contain/)
})

t.test('credentials: constant-time set membership, bearer parsing, loopback peers', async (t) => {
  const secrets = new SecretSet(['first-secret-0123456789', 'second-secret-0123456789'])
  t.equal(secrets.indexOf('second-secret-0123456789'), 1)
  t.equal(secrets.indexOf('second-secret-012345678'), -1)
  t.equal(secrets.indexOf(''), -1)
  t.equal(secrets.indexOf(undefined), -1)
  t.ok(new SecretSet([]).empty)
  t.equal(bearerToken('Bearer abc'), 'abc')
  t.equal(bearerToken('bearer   abc  '), 'abc')
  t.equal(bearerToken('Bearer a b'), undefined)
  t.equal(bearerToken('Basic abc'), undefined)
  t.equal(bearerToken(undefined), undefined)
  for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) t.ok(isLoopback(address), address)
  for (const address of ['10.0.0.1', '::ffff:10.0.0.1', '0.0.0.0', '::', 'fe80::1', '1270.0.0.1', undefined]) t.notOk(isLoopback(address), String(address))
})

t.test('route classes: compute, erasure, admin by prefix (fail closed), read for the rest', async (t) => {
  t.equal(routeClassOf('POST', '/api/parse'), 'compute')
  t.equal(routeClassOf('POST', '/api/calculate-score'), 'compute')
  t.equal(routeClassOf('DELETE', '/api/cv'), 'erasure')
  t.equal(routeClassOf('GET', '/api/cache/stats'), 'admin')
  t.equal(routeClassOf('POST', '/api/cache/anything-new'), 'admin', 'a new admin route is protected without being listed')
  t.equal(routeClassOf('GET', '/api/admin/x'), 'admin')
  t.equal(routeClassOf('GET', '/health'), 'read')
  t.equal(routeClassOf('GET', undefined), 'read')
})

t.test('DegradingCounter: local windows weighted by instances; a Redis that is not ready is a counted fallback', async (t) => {
  let now = 1000
  const fallbacks: string[] = []
  const counter = new DegradingCounter({
    redis: () => ({ status: 'reconnecting', eval: async () => { throw new Error('never called') } }),
    keyPrefix: 'jobfit',
    deadlineMs: 50,
    breakerFailureThreshold: 1,
    breakerCooldownMs: 1000,
    instances: 3,
    onFallback: (reason) => fallbacks.push(reason),
    now: () => now
  })
  t.same(await counter.increment('compute:ip:a', 60_000), { current: 3, ttl: 60_000, source: 'local' })
  now += 1000
  t.same(await counter.increment('compute:ip:a', 60_000), { current: 6, ttl: 59_000, source: 'local' })
  now += 60_000
  t.same(await counter.increment('compute:ip:a', 60_000), { current: 3, ttl: 60_000, source: 'local' }, 'a new window')
  t.same(fallbacks, ['connection', 'circuit_open', 'circuit_open'])

  const garbled = new DegradingCounter({
    redis: () => ({ status: 'ready', eval: async () => 'not a count' }),
    keyPrefix: 'jobfit', deadlineMs: 50, breakerFailureThreshold: 1, breakerCooldownMs: 1000, instances: 1
  })
  t.match(await garbled.increment('k', 1000), { current: 1, source: 'local' }, 'a reply of the wrong shape falls back too')

  const store = new DegradingRateLimitStore(new DegradingCounter({
    redis: () => undefined, keyPrefix: 'jobfit', deadlineMs: 50, breakerFailureThreshold: 1, breakerCooldownMs: 1000, instances: 1
  }))
  t.equal(store.child(), store, 'one store for every route: the key names the class')
  const result = await new Promise((resolve) => store.incr('k', (error, count) => resolve({ error, count }), 1000))
  t.same(result, { error: null, count: { current: 1, ttl: 1000 } })
})
