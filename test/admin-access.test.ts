import t from 'tap'
import { buildTestApp } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'

const TOKEN = 'admin-token-0123456789abcdef'
const API_KEY = 'api-key-0123456789abcdefghij'
const REMOTE = '203.0.113.7'

function assertFastifyError (t: TapTest, body: unknown, statusCode: number): void {
  t.match(body, { statusCode, error: String, message: String })
  t.same(Object.keys(body as object).sort(), ['error', 'message', 'statusCode'])
}

t.test('without ADMIN_TOKEN the admin routes answer loopback clients only, and the boot log says so', async (t) => {
  const { app, logs } = await buildTestApp(t)
  await app.ready()
  t.ok(logs.lines.some((line) => line.level === 40 && /ADMIN_TOKEN is not set: the admin routes .* loopback clients only/.test(line.msg)),
    'a boot warning names the fail-closed mode')
  for (const [method, url] of [['GET', '/api/cache/stats'], ['POST', '/api/cache/clear-domains']] as const) {
    const remote = await app.inject({ method, url, remoteAddress: REMOTE })
    t.equal(remote.statusCode, 403, `${method} ${url} from ${REMOTE}`)
    assertFastifyError(t, remote.json(), 403)
    t.notMatch(remote.body, /version|used_memory/, 'nothing of the stats leaks')
    for (const loopback of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      t.equal((await app.inject({ method, url, remoteAddress: loopback })).statusCode, 200, `${method} ${url} from ${loopback}`)
    }
  }
  t.equal((await app.inject({ method: 'POST', url: '/api/parse', payload: { text: 'Senior engineer' }, remoteAddress: REMOTE })).statusCode, 200,
    'the API itself stays open to the network')
})

t.test('with ADMIN_TOKEN the admin routes require the bearer token from everywhere, loopback included', async (t) => {
  const { app, logs } = await buildTestApp(t, { ADMIN_TOKEN: TOKEN })
  await app.ready()
  t.notOk(logs.lines.some((line) => /ADMIN_TOKEN is not set/.test(line.msg)))
  const cases: Array<[string, Record<string, string>]> = [
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer wrong-token-0123456789abcdef' }],
    ['a prefix of the token', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ['the token plus one character', { authorization: `Bearer ${TOKEN}x` }],
    ['Basic instead of Bearer', { authorization: `Basic ${TOKEN}` }],
    ['the token as an API key', { 'x-api-key': TOKEN }]
  ]
  for (const [what, headers] of cases) {
    const response = await app.inject({ method: 'GET', url: '/api/cache/stats', headers })
    t.equal(response.statusCode, 401, what)
    t.equal(response.headers['www-authenticate'], 'Bearer')
    assertFastifyError(t, response.json(), 401)
    t.notMatch(response.body, new RegExp(TOKEN), 'the token is never echoed')
  }
  const ok = await app.inject({ method: 'GET', url: '/api/cache/stats', headers: { authorization: `Bearer ${TOKEN}` }, remoteAddress: REMOTE })
  t.equal(ok.statusCode, 200, 'the right token works from a remote address')
  const cleared = await app.inject({ method: 'POST', url: '/api/cache/clear-domains', headers: { authorization: `bearer ${TOKEN}` } })
  t.equal(cleared.statusCode, 200, 'the scheme is case-insensitive')
  t.notMatch(logs.text(), new RegExp(TOKEN), 'the token never reaches the log')
  const erase = { method: 'DELETE' as const, url: '/api/cv', payload: { cv_id: 'a'.repeat(64) } }
  t.equal((await app.inject(erase)).statusCode, 401, 'erasure needs the token too, from loopback as well')
  t.equal((await app.inject({ ...erase, headers: { authorization: `Bearer ${TOKEN}` }, remoteAddress: REMOTE })).statusCode, 200)
})

t.test('API_KEYS: the compute routes need a key, in x-api-key or as a bearer token; reads stay open', async (t) => {
  const { app } = await buildTestApp(t, { API_KEYS: `other-key-0123456789abcdef,${API_KEY}` })
  await app.ready()
  const payload = { text: 'Senior engineer' }
  const refused = await app.inject({ method: 'POST', url: '/api/parse', payload })
  t.equal(refused.statusCode, 401)
  assertFastifyError(t, refused.json(), 401)
  t.equal((await app.inject({ method: 'POST', url: '/api/parse', payload, headers: { 'x-api-key': 'nope-0123456789abcdef' } })).statusCode, 401)
  t.equal((await app.inject({ method: 'POST', url: '/api/parse', payload, headers: { 'x-api-key': API_KEY } })).statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: '/api/parse', payload, headers: { authorization: `Bearer ${API_KEY}` } })).statusCode, 200)
  t.equal((await app.inject('/health')).statusCode, 200)
  t.equal((await app.inject('/metrics')).statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/api/cache/stats', headers: { 'x-api-key': API_KEY }, remoteAddress: REMOTE })).statusCode, 403,
    'an API key is no admin credential')
})

t.test('METRICS_REQUIRE_TOKEN puts /metrics behind the admin token', async (t) => {
  const { app } = await buildTestApp(t, { ADMIN_TOKEN: TOKEN, METRICS_REQUIRE_TOKEN: 'true' })
  await app.ready()
  t.equal((await app.inject('/metrics')).statusCode, 401)
  const ok = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
  t.equal(ok.statusCode, 200)
  t.match(ok.body, /http_request_duration_seconds/)
})

t.test('METRICS_PORT serves /metrics on its own port and not on the API port', async (t) => {
  const { freePort } = await import('./helpers/redis-server.ts')
  const metricsPort = await freePort()
  const { app, logs } = await buildTestApp(t, { METRICS_PORT: String(metricsPort), HOST: '127.0.0.1' })
  await app.listen({ port: 0, host: '127.0.0.1' })
  t.equal((await app.inject('/metrics')).statusCode, 404, 'not on the API port')
  const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`)
  t.equal(scraped.status, 200)
  t.match(await scraped.text(), /process_cpu_user_seconds_total/)
  const other = await fetch(`http://127.0.0.1:${metricsPort}/api/cache/stats`)
  t.equal(other.status, 404, 'nothing else is served there')
  t.match(await other.json(), { statusCode: 404, error: 'Not Found', message: String })
  t.ok(logs.lines.some((line) => line.msg === '/metrics is served on its own port' && line.port === metricsPort))
})
