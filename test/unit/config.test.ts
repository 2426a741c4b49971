import t from 'tap'
import { ConfigError, parseConfig, parseTelemetryConfig } from '../../src/config.ts'

function configError (env: Record<string, string>): ConfigError {
  try {
    parseConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`)
}

t.test('an empty environment gives the documented defaults', async (t) => {
  t.match(parseConfig({}), {
    port: 8001,
    host: '0.0.0.0',
    logLevel: 'info',
    shutdownTimeoutMs: 10_000,
    cache: {
      enabled: true,
      keyPrefix: 'jobfit',
      redis: { topology: { kind: 'standalone', url: 'redis://127.0.0.1:6379' }, tls: false },
      l2CommandTimeoutMs: 50,
      l2ConnectTimeoutMs: 1000,
      l2MaxReconnectDelayMs: 1000,
      breakerFailureThreshold: 5,
      breakerCooldownMs: 1000,
      l1MaxEntries: 50_000,
      l1MaxBytes: 64 * 1024 * 1024,
      warningIntervalMs: 10_000
    }
  })
})

t.test('set values override the defaults (trimmed, log level case-insensitive)', async (t) => {
  const config = parseConfig({ PORT: ' 3000 ', LOG_LEVEL: 'DEBUG', CACHE_L2_COMMAND_TIMEOUT_MS: '75', REDIS_URL: 'rediss://cache:6380/2' })
  t.equal(config.port, 3000)
  t.equal(config.logLevel, 'debug')
  t.equal(config.cache.l2CommandTimeoutMs, 75)
  t.same(config.cache.redis?.topology, { kind: 'standalone', url: 'rediss://cache:6380/2' })
})

t.test('REDIS_URL set to an empty string means no Redis at all', async (t) => {
  t.equal(parseConfig({ REDIS_URL: '' }).cache.redis, undefined)
  t.equal(parseConfig({ REDIS_URL: '   ' }).cache.redis, undefined)
})

t.test('DISABLE_CACHE accepts true, 1 and yes (any case)', async (t) => {
  for (const value of ['true', '1', 'yes', 'TRUE']) {
    t.equal(parseConfig({ DISABLE_CACHE: value }).cache.enabled, false, `DISABLE_CACHE=${value}`)
  }
  for (const value of ['false', '0', 'no']) {
    t.equal(parseConfig({ DISABLE_CACHE: value }).cache.enabled, true, `DISABLE_CACHE=${value}`)
  }
})

t.test('a bad value throws a ConfigError naming the variable', async (t) => {
  const cases: Record<string, string> = {
    PORT: 'abc',
    CACHE_L2_COMMAND_TIMEOUT_MS: '0',
    LOG_LEVEL: 'loud',
    REDIS_URL: 'http://x',
    DISABLE_CACHE: 'maybe'
  }
  for (const [name, value] of Object.entries(cases)) {
    const error = configError({ [name]: value })
    t.match(error.message, name, `${name}=${value} is named`)
    t.equal(error.problems.length, 1, `${name}=${value} is the only problem`)
  }
})

t.test('integers out of range or not plain digits are rejected', async (t) => {
  for (const value of ['65536', '-1', '1e3', '80.5']) {
    t.match(configError({ PORT: value }).message, 'PORT', `PORT=${value}`)
  }
})

t.test('an invalid key prefix is rejected', async (t) => {
  t.match(configError({ CACHE_KEY_PREFIX: 'has space' }).message, 'CACHE_KEY_PREFIX')
})

t.test('several bad values are all named in one error', async (t) => {
  const error = configError({ PORT: 'abc', LOG_LEVEL: 'loud', REDIS_URL: 'http://x', DISABLE_CACHE: 'maybe' })
  t.equal(error.problems.length, 4)
  for (const name of ['PORT', 'LOG_LEVEL', 'REDIS_URL', 'DISABLE_CACHE']) t.match(error.message, name)
})

t.test('AI: auto picks the local provider without a key and openai with one', async (t) => {
  const local = parseConfig({})
  t.equal(local.ai.provider, 'local')
  t.equal(local.ai.openai, undefined)
  t.match(local.ai, { embeddingModel: 'text-embedding-3-small', embeddingDimensions: 768, embeddingBatchSize: 256 })

  const remote = parseConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MAX_RETRIES: '0' })
  t.equal(remote.ai.provider, 'openai')
  t.match(remote.ai.openai, { apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:11434/v1', chatModel: 'gpt-4o-mini', timeoutMs: 30_000, maxRetries: 0 })

  t.equal(parseConfig({ OPENAI_API_KEY: 'sk-test', AI_PROVIDER: 'local' }).ai.provider, 'local', 'AI_PROVIDER=local wins over a key')
})

t.test('AI: openai without a key, or a base URL that is not http(s), is a config error', async (t) => {
  t.match(configError({ AI_PROVIDER: 'openai' }).problems, [/AI_PROVIDER=openai needs OPENAI_API_KEY/])
  t.match(configError({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'ftp://models' }).problems, [/OPENAI_BASE_URL must be an http/])
  t.match(configError({ AI_PROVIDER: 'claude' }).problems, [/AI_PROVIDER must be one of auto, openai, local/])
})

t.test('domains and limits: defaults, and DNS servers as a comma-separated list', async (t) => {
  const config = parseConfig({ DOMAIN_VERIFY_DNS: 'true', DOMAIN_DNS_SERVERS: '127.0.0.1:5353, 9.9.9.9 ,' })
  t.same(config.domains, { verifyDns: true, dnsTimeoutMs: 1000, dnsServers: ['127.0.0.1:5353', '9.9.9.9'] })
  t.match(parseConfig({}).limits, { maxTextBytes: 100 * 1024, bodyLimitBytes: 1024 * 1024, maxUploadBytes: 5 * 1024 * 1024 })
  t.match(parseConfig({}).limits, { rankMaxCvs: 500, rankBodyLimitBytes: 16 * 1024 * 1024 }, 'ranking: 500 CVs, 16 MiB bodies')
  t.match(configError({ RANK_MAX_CVS: '0' }).problems, [/RANK_MAX_CVS must be an integer between 1 and 10000/])
  t.equal(parseConfig({}).domains.verifyDns, false)
})

t.test('documents and connections: defaults, ranges, and a header deadline within the request deadline', async (t) => {
  const config = parseConfig({})
  t.same(config.documents, {
    maxPages: 50,
    maxExtractedTextBytes: 1024 * 1024,
    maxInflatedBytes: 32 * 1024 * 1024,
    maxArchiveEntries: 1000,
    taskTimeoutMs: 10_000,
    workers: 2,
    workerHeapMb: 256,
    maxConcurrentUploads: 16
  })
  t.same(config.http, { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, connectionTimeoutMs: 120_000, keepAliveTimeoutMs: 72_000 })
  t.same(parseConfig({ MAX_DOCUMENT_PAGES: '3', DOCUMENT_WORKERS: '4', REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '5000' }).documents.maxPages, 3)
  t.match(configError({ DOCUMENT_WORKERS: '0', DOCUMENT_WORKER_HEAP_MB: '8', MAX_DOCUMENT_PAGES: 'many' }).problems,
    [/MAX_DOCUMENT_PAGES must be an integer/, /DOCUMENT_WORKERS must be an integer between 1 and 64/, /DOCUMENT_WORKER_HEAP_MB must be an integer between 32/])
  t.match(configError({ REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '2000' }).problems, [/HEADERS_TIMEOUT_MS \(2000\) must not exceed REQUEST_TIMEOUT_MS \(1000\)/])
})

t.test('telemetry: exporting needs an OTLP endpoint, and OTEL_SDK_DISABLED wins', async (t) => {
  t.equal(parseTelemetryConfig({}).enabled, false, 'no endpoint: nothing is started')
  t.equal(parseTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' }).enabled, false, 'a blank endpoint is no endpoint')
  t.equal(parseTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).enabled, true)
  t.equal(parseTelemetryConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }).enabled, true)
  t.equal(parseTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).enabled, false)
  t.equal(parseTelemetryConfig({}).serviceName, 'jobfit')
})

t.test('breaker hysteresis and replay settings: defaults, percentages as fractions', async (t) => {
  t.match(parseConfig({}).cache, {
    breakerMaxCooldownMs: 4000,
    breakerCooldownJitter: 0.2,
    breakerWindowMs: 10_000,
    breakerMinCallsInWindow: 20,
    breakerFailureRateThreshold: 0.5,
    breakerSlowCallMs: 40,
    replayMaxWrites: 10_000,
    replayMaxInvalidations: 1000,
    replayIntervalMs: 500
  })
  const config = parseConfig({ CACHE_BREAKER_FAILURE_RATE_PERCENT: '75', CACHE_BREAKER_COOLDOWN_JITTER_PERCENT: '0' })
  t.equal(config.cache.breakerFailureRateThreshold, 0.75)
  t.equal(config.cache.breakerCooldownJitter, 0)
})

t.test('the slow-call time follows the deadline unless set, and may not exceed it', async (t) => {
  t.equal(parseConfig({ CACHE_L2_COMMAND_TIMEOUT_MS: '200' }).cache.breakerSlowCallMs, 160)
  t.equal(parseConfig({ CACHE_BREAKER_SLOW_CALL_MS: '50' }).cache.breakerSlowCallMs, 50)
  t.match(configError({ CACHE_BREAKER_SLOW_CALL_MS: '51' }).message, /CACHE_BREAKER_SLOW_CALL_MS must not exceed CACHE_L2_COMMAND_TIMEOUT_MS \(50\)/)
})

t.test('the cool-down cap may not be set below the cool-down; unset, it is at least the cool-down', async (t) => {
  t.match(configError({ CACHE_BREAKER_COOLDOWN_MS: '5000', CACHE_BREAKER_MAX_COOLDOWN_MS: '4999' }).message,
    /CACHE_BREAKER_MAX_COOLDOWN_MS must be at least CACHE_BREAKER_COOLDOWN_MS \(5000\)/)
  t.equal(parseConfig({ CACHE_BREAKER_COOLDOWN_MS: '60000' }).cache.breakerMaxCooldownMs, 60_000, 'a long cool-down alone still boots')
  t.equal(parseConfig({ CACHE_BREAKER_COOLDOWN_MS: '5000', CACHE_BREAKER_MAX_COOLDOWN_MS: '5000' }).cache.breakerMaxCooldownMs, 5000)
})

t.test('breaker and replay settings out of range are rejected', async (t) => {
  for (const [name, value] of [
    ['CACHE_BREAKER_FAILURE_RATE_PERCENT', '0'],
    ['CACHE_BREAKER_FAILURE_RATE_PERCENT', '101'],
    ['CACHE_BREAKER_COOLDOWN_JITTER_PERCENT', '101'],
    ['CACHE_BREAKER_MIN_CALLS', '0'],
    ['CACHE_BREAKER_WINDOW_MS', '99'],
    ['CACHE_REPLAY_INTERVAL_MS', '9'],
    ['CACHE_REPLAY_MAX_WRITES', '-1']
  ] as const) {
    t.match(configError({ [name]: value }).message, name, `${name}=${value}`)
  }
})

t.test('security: defaults fail closed for admin and keep the API open', async (t) => {
  t.same(parseConfig({}).security, {
    adminToken: undefined,
    apiKeys: [],
    metricsPort: undefined,
    metricsRequireToken: false,
    rateLimit: { windowMs: 60_000, computeMax: 120, readMax: 1200, adminMax: 10, instances: 1 }
  })
  t.same(parseConfig({}).cache.encryptionKeys, [])
  const config = parseConfig({
    ADMIN_TOKEN: 'a'.repeat(16),
    API_KEYS: ` ${'k'.repeat(20)} , ${'j'.repeat(16)} `,
    METRICS_PORT: '9100',
    METRICS_REQUIRE_TOKEN: 'true',
    RATE_LIMIT_COMPUTE_MAX: '5',
    RATE_LIMIT_INSTANCES: '3'
  })
  t.match(config.security, { adminToken: 'a'.repeat(16), apiKeys: ['k'.repeat(20), 'j'.repeat(16)], metricsPort: 9100, metricsRequireToken: true })
  t.match(config.security.rateLimit, { computeMax: 5, instances: 3 })
})

t.test('security: weak secrets, a metrics port clash and a token requirement without a token are named', async (t) => {
  t.match(configError({ ADMIN_TOKEN: 'short' }).problems, [/ADMIN_TOKEN entries must be at least 16 characters/])
  t.match(configError({ API_KEYS: `${'k'.repeat(20)},tiny` }).problems, [/API_KEYS entries must be at least 16/])
  t.match(configError({ METRICS_PORT: '8001' }).problems, [/METRICS_PORT must differ from PORT/])
  t.match(configError({ METRICS_PORT: '0' }).problems, [/METRICS_PORT must be an integer between 1 and 65535/])
  t.match(configError({ METRICS_REQUIRE_TOKEN: 'true' }).problems, [/METRICS_REQUIRE_TOKEN=true needs ADMIN_TOKEN/])
  t.match(configError({ RATE_LIMIT_WINDOW_MS: '10' }).problems, [/RATE_LIMIT_WINDOW_MS/])
  t.match(configError({ RATE_LIMIT_INSTANCES: '0' }).problems, [/RATE_LIMIT_INSTANCES/])
})

t.test('CACHE_ENCRYPTION_KEYS: id:base64 of 32 bytes, first one seals; bad entries never echo the key', async (t) => {
  const first = Buffer.alloc(32, 1).toString('base64')
  const second = Buffer.alloc(32, 2).toString('base64')
  const keys = parseConfig({ CACHE_ENCRYPTION_KEYS: `k2026:${first}, k2025:${second}` }).cache.encryptionKeys
  t.same(keys.map((key) => key.id), ['k2026', 'k2025'])
  t.same(keys[0]!.key, Buffer.alloc(32, 1))
  const short = Buffer.alloc(16, 3).toString('base64')
  const error = configError({ CACHE_ENCRYPTION_KEYS: `a:${short},b:${first},b:${second},nocolon` })
  t.match(error.problems, [/entry 1 must be "id:base64"/, /has the key id "b" twice/, /entry 4 must be "id:base64"/])
  t.notMatch(error.message, short, 'the key material is not in the message')
})

t.test('Redis topologies: cluster, sentinel or standalone, with shared credentials and TLS', async (t) => {
  const cluster = parseConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001,[::1]:7002', REDIS_PASSWORD: 'pw', REDIS_TLS: 'true' }).cache.redis
  t.same(cluster, {
    topology: { kind: 'cluster', nodes: [{ host: '10.0.0.1', port: 7000 }, { host: 'redis-b', port: 7001 }, { host: '::1', port: 7002 }] },
    username: undefined,
    password: 'pw',
    tls: true,
    tlsCaFile: undefined
  }, 'REDIS_CLUSTER_NODES wins over the default REDIS_URL')
  const sentinel = parseConfig({
    REDIS_SENTINELS: 's1:26379,s2:26379',
    REDIS_SENTINEL_NAME: 'cache',
    REDIS_SENTINEL_PASSWORD: 'spw',
    REDIS_USERNAME: 'app',
    REDIS_TLS_CA_FILE: 'package.json'
  }).cache.redis
  t.same(sentinel?.topology, { kind: 'sentinel', sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }], masterName: 'cache', sentinelPassword: 'spw' })
  t.equal(sentinel?.username, 'app')
  t.equal(sentinel?.tlsCaFile, 'package.json')
  t.same(parseConfig({ REDIS_URL: '', REDIS_CLUSTER_NODES: 'a:1' }).cache.redis?.topology, { kind: 'cluster', nodes: [{ host: 'a', port: 1 }] },
    'an empty REDIS_URL does not conflict')
})

t.test('bad topology settings are named at boot', async (t) => {
  t.match(configError({ REDIS_URL: 'redis://x:6379', REDIS_CLUSTER_NODES: 'a:1' }).message, /only one of REDIS_CLUSTER_NODES, REDIS_URL/)
  t.match(configError({ REDIS_CLUSTER_NODES: 'a:1', REDIS_SENTINELS: 'b:2', REDIS_SENTINEL_NAME: 'm' }).message, /only one of/)
  t.match(configError({ REDIS_SENTINELS: 'b:2' }).message, /REDIS_SENTINELS needs REDIS_SENTINEL_NAME/)
  t.match(configError({ REDIS_SENTINEL_NAME: 'm' }).message, /REDIS_SENTINEL_NAME needs REDIS_SENTINELS/)
  for (const value of ['a', 'a:', 'a:0', 'a:70000', 'a b:1', 'http://a:1']) {
    t.match(configError({ REDIS_CLUSTER_NODES: value }).message, /REDIS_CLUSTER_NODES must be a comma-separated list of host:port/, value)
  }
  t.match(configError({ REDIS_TLS_CA_FILE: '/nonexistent/ca.pem' }).message, /REDIS_TLS_CA_FILE must name a readable file/)
  t.match(configError({ REDIS_TLS: 'sometimes' }).message, /REDIS_TLS/)
})

t.test('cache lifetimes: TTL and grace per namespace, overridable and validated at boot', async (t) => {
  const defaults = parseConfig({}).cache
  t.same(defaults.policies.jd, { namespace: 'jd', ttlSeconds: 30 * 86_400, graceSeconds: 7 * 86_400 })
  t.same(defaults.policies.domain, { namespace: 'domain', ttlSeconds: 3600, graceSeconds: 86_400 })
  t.equal(defaults.eagerRefreshFraction, 0.8)
  const set = parseConfig({ CACHE_TTL_JD_SECONDS: '60', CACHE_GRACE_JD_SECONDS: '0', CACHE_TTL_EMBEDDING_SECONDS: '5', CACHE_EAGER_REFRESH_FRACTION: '0.5' }).cache
  t.same(set.policies.jd, { namespace: 'jd', ttlSeconds: 60, graceSeconds: 0 })
  t.equal(set.policies.embedding.ttlSeconds, 5)
  t.equal(set.eagerRefreshFraction, 0.5)
  t.match(configError({ CACHE_TTL_CV_SECONDS: '0', CACHE_GRACE_ROLE_SECONDS: '-1', CACHE_EAGER_REFRESH_FRACTION: '1' }).problems, [
    /CACHE_TTL_CV_SECONDS must be an integer between 1 and/,
    /CACHE_GRACE_ROLE_SECONDS must be an integer between 0 and/,
    /CACHE_EAGER_REFRESH_FRACTION must be a number between 0 and 1/
  ])
})

t.test('AI resilience: timeouts, breaker and throttle defaults; the fallback is local only for the openai provider', async (t) => {
  const local = parseConfig({}).ai
  t.equal(local.fallback, 'none', 'the local provider has nothing to fall back to')
  t.same(local.resilience, {
    chat: { softMs: 1500, hardMs: 5000 },
    embedding: { softMs: 500, hardMs: 3000 },
    failSafeThrottleSeconds: 30,
    breakerFailureThreshold: 5,
    breakerCooldownMs: 5000
  })
  t.equal(parseConfig({ OPENAI_API_KEY: 'sk-test' }).ai.fallback, 'local', 'default local with openai')
  t.equal(parseConfig({ OPENAI_API_KEY: 'sk-test', AI_FALLBACK: 'none' }).ai.fallback, 'none')
  const set = parseConfig({ AI_CHAT_SOFT_TIMEOUT_MS: '100', AI_CHAT_HARD_TIMEOUT_MS: '200', AI_FAIL_SAFE_THROTTLE_SECONDS: '5' }).ai.resilience
  t.same(set.chat, { softMs: 100, hardMs: 200 })
  t.equal(set.failSafeThrottleSeconds, 5)
  t.match(configError({ AI_FALLBACK: 'remote', AI_EMBEDDING_SOFT_TIMEOUT_MS: '3000', AI_EMBEDDING_HARD_TIMEOUT_MS: '3000' }).problems, [
    /AI_FALLBACK must be one of local, none/,
    /AI_EMBEDDING_SOFT_TIMEOUT_MS \(3000\) must be below AI_EMBEDDING_HARD_TIMEOUT_MS \(3000\)/
  ])
})
