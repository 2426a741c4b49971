import { accessSync, constants as fsConstants } from 'node:fs'
import type { HostPort, RedisConnectionSettings, RedisTopology } from './cache/l2-connection.ts'
import { LOCAL_EMBEDDERS } from './ai/local/embedders/local-embedder.ts'
import type { LocalEmbedderKind } from './ai/local/embedders/local-embedder.ts'
import { MODEL_DIMENSIONS } from './ai/local/embedders/semantic-model.ts'
import { CACHE_NAMESPACE_IDS, CACHE_POLICY } from './cache-policy.ts'
import type { CachePolicies } from './cache-policy.ts'
import type { CacheSettings } from './cache/index.ts'

/**
 * The service's whole configuration, read once from the environment.
 * Only the entry points (src/server.ts, src/telemetry.ts) hand `process.env` to the parsers here;
 * nothing else reads it: everything is handed down as typed config.
 */

/** The cache library's settings (src/cache/index.ts), plus what only the app uses: the connection and the log pacing. */
export interface CacheConfig extends CacheSettings {
  /** `undefined` means no L2 at all (REDIS_URL set to an empty string, and no cluster or sentinels). */
  redis: RedisConfig | undefined
  l2ConnectTimeoutMs: number
  l2MaxReconnectDelayMs: number
  warningIntervalMs: number
  /** CV-derived values are sealed in L2 with the first key; every key opens. Empty: stored in clear. */
  encryptionKeys: EncryptionKey[]
  /** TTL and grace per namespace (CACHE_TTL_<NS>_SECONDS, CACHE_GRACE_<NS>_SECONDS). */
  policies: CachePolicies
  /** Share of the TTL after which the first read of a domain suggestion refreshes it in the background. */
  eagerRefreshFraction: number
}

/** Where Redis is and how to log in; the timeouts are CacheConfig's. */
export type RedisConfig = Omit<RedisConnectionSettings, 'commandTimeoutMs' | 'connectTimeoutMs' | 'maxReconnectDelayMs'>

export interface OpenAiConfig {
  apiKey: string
  /** Any OpenAI-compatible API (Ollama, vLLM, LiteLLM); the official endpoint when undefined. */
  baseUrl: string | undefined
  chatModel: string
  timeoutMs: number
  maxRetries: number
}

export interface LocalEmbedderConfig {
  /** LOCAL_EMBEDDER: `semantic` (a sentence encoder in worker threads) or `lexical` (no model). */
  kind: LocalEmbedderKind
  threads: number
  /** Bound on one embeddings request to the model threads, waiting for the model included. */
  timeoutMs: number
  /** V8 heap cap of each model thread. */
  maxHeapMb: number
}

export interface AiConfig {
  /** Resolved from AI_PROVIDER: `auto` becomes `openai` when OPENAI_API_KEY is set, else `local`. */
  provider: 'openai' | 'local'
  /** Set when `provider` is `openai`. */
  openai: OpenAiConfig | undefined
  embeddingModel: string
  embeddingDimensions: number
  /** Texts per embeddings request; larger batches are split. */
  embeddingBatchSize: number
  localEmbedder: LocalEmbedderConfig
  /** Who answers when the provider fails with nothing stale at hand: `none` unless the provider is `openai`. */
  fallback: 'local' | 'none'
  resilience: AiResilienceConfig
}

export interface AiTimeouts {
  /** With a stale value at hand, answer it after this long and let the call finish in the background. */
  softMs: number
  /** Every provider call is aborted after this long (the SDK's retries included). */
  hardMs: number
}

export interface AiResilienceConfig {
  chat: AiTimeouts
  embedding: AiTimeouts
  /** After a failure, a stale value is answered again for this long before the provider is asked again. */
  failSafeThrottleSeconds: number
  breakerFailureThreshold: number
  breakerCooldownMs: number
}

export interface DomainConfig {
  /** Look suggestions up in DNS and mark the ones that resolve as verified. */
  verifyDns: boolean
  dnsTimeoutMs: number
  /** `host[:port]` resolvers; the system's when empty. */
  dnsServers: string[]
}

export interface LimitsConfig {
  /** Largest accepted text (JD, CV or extracted upload), in UTF-8 bytes. */
  maxTextBytes: number
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number
  /** Largest accepted CV upload, in bytes. */
  maxUploadBytes: number
  /** Most CVs one `POST /api/rank` may carry. */
  rankMaxCvs: number
  /** Largest accepted `POST /api/rank` body, in bytes (it carries many CVs). */
  rankBodyLimitBytes: number
}

/** One AES-256 key of CACHE_ENCRYPTION_KEYS: `id` goes into every envelope it seals. */
export interface EncryptionKey {
  id: string
  key: Buffer
}

export interface RateLimitConfig {
  windowMs: number
  /** Requests per window and client on the parsing and scoring routes (CPU and AI provider cost). */
  computeMax: number
  /** Requests per window and client on everything else that is not admin (health, docs, metrics). */
  readMax: number
  /** Requests per window and client on the admin and erasure routes. */
  adminMax: number
  /** How many instances share the limit: without Redis each one allows `max / instances`. */
  instances: number
}

export interface SecurityConfig {
  /** Bearer token of the admin routes; without one they answer loopback clients only. */
  adminToken: string | undefined
  /** When non-empty, the API routes require one of these in `x-api-key` or `Authorization: Bearer`. */
  apiKeys: string[]
  /** Serve /metrics on this port (and not on the API port) when set. */
  metricsPort: number | undefined
  /** /metrics requires the admin token too. */
  metricsRequireToken: boolean
  rateLimit: RateLimitConfig
}

/** Bounds on connections, so that a stalled or dripping client is dropped (in milliseconds). */
export interface HttpConfig {
  /** Whole request, headers and body: past it the server answers 408 and closes (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number
  /** Request headers alone; at most the request timeout (HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number
  /**
   * A socket with no bytes either way for this long is destroyed, even while its request is
   * being handled: longer than any handler may take (CONNECTION_TIMEOUT_MS).
   */
  connectionTimeoutMs: number
  /** An idle keep-alive connection is closed after this (KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number
}

/** Budgets for reading uploaded PDF and DOCX files, which run in worker threads. */
export interface DocumentsConfig {
  /** A PDF with more pages is refused before any page is read (MAX_DOCUMENT_PAGES). */
  maxPages: number
  /** Extraction stops once the text is longer than this, in UTF-8 bytes (MAX_EXTRACTED_TEXT_BYTES). */
  maxExtractedTextBytes: number
  /** A DOCX declaring, or a PDF's Flate streams inflating to, more bytes is refused (MAX_DOCUMENT_INFLATED_BYTES). */
  maxInflatedBytes: number
  /** A DOCX (ZIP) with more entries is refused (MAX_DOCUMENT_ARCHIVE_ENTRIES). */
  maxArchiveEntries: number
  /** One document's time in a worker; past it the worker is terminated and replaced (DOCUMENT_TASK_TIMEOUT_MS). */
  taskTimeoutMs: number
  /** Worker threads reading documents (DOCUMENT_WORKERS). */
  workers: number
  /** Each worker's V8 old-generation heap limit, in MiB (DOCUMENT_WORKER_HEAP_MB). */
  workerHeapMb: number
  /** Multipart uploads in flight at once; more are answered 503 with Retry-After (MAX_CONCURRENT_UPLOADS). */
  maxConcurrentUploads: number
}

export interface Config {
  port: number
  host: string
  logLevel: LogLevel
  shutdownTimeoutMs: number
  http: HttpConfig
  documents: DocumentsConfig
  cache: CacheConfig
  ai: AiConfig
  domains: DomainConfig
  limits: LimitsConfig
  security: SecurityConfig
}

export type Env = Readonly<Record<string, string | undefined>>

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export class ConfigError extends Error {
  readonly problems: readonly string[]

  constructor (problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

/**
 * Collects every problem before failing, so that one boot attempt names all the bad variables.
 */
class EnvReader {
  readonly problems: string[] = []
  private readonly env: Env

  constructor (env: Env) {
    this.env = env
  }

  /** The trimmed value, or undefined when unset or blank. */
  raw (name: string): string | undefined {
    const value = this.env[name]
    return value === undefined || value.trim() === '' ? undefined : value.trim()
  }

  string (name: string, fallback: string): string {
    return this.raw(name) ?? fallback
  }

  /** Distinguishes "unset" (fallback) from "set to empty" (undefined: feature off). */
  optionalString (name: string, fallback: string): string | undefined {
    const value = this.env[name]
    if (value === undefined) return fallback
    return value.trim() === '' ? undefined : value.trim()
  }

  integer (name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name)
    if (value === undefined) return fallback
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max}, got "${value}"`)
      return fallback
    }
    return Number(value)
  }

  boolean (name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase()
    if (value === undefined) return fallback
    if (['true', '1', 'yes', 'on'].includes(value)) return true
    if (['false', '0', 'no', 'off'].includes(value)) return false
    this.problems.push(`${name} must be true or false, got "${value}"`)
    return fallback
  }

  oneOf<T extends string> (name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name)
    if (value === undefined) return fallback
    const match = allowed.find((candidate) => candidate === value.toLowerCase())
    if (match === undefined) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${value}"`)
      return fallback
    }
    return match
  }

  redisUrl (name: string, fallback: string): string | undefined {
    const value = this.optionalString(name, fallback)
    if (value !== undefined && !/^rediss?:\/\/[^\s]+$/.test(value)) {
      this.problems.push(`${name} must be a redis:// or rediss:// URL (or empty to run without Redis), got "${value}"`)
    }
    return value
  }

  /** `host:port,host:port,…` (a host may be a name, an IPv4 or a bracketed IPv6 address). */
  hostPorts (name: string): HostPort[] {
    const nodes: HostPort[] = []
    for (const item of this.list(name)) {
      const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(item)
      const port = Number(match?.[2])
      if (match === null || port < 1 || port > 65535) {
        this.problems.push(`${name} must be a comma-separated list of host:port, got "${item}"`)
        continue
      }
      nodes.push({ host: match[1]!.replace(/^\[|\]$/g, ''), port })
    }
    return nodes
  }

  readableFile (name: string): string | undefined {
    const value = this.raw(name)
    if (value === undefined) return undefined
    try {
      accessSync(value, fsConstants.R_OK)
    } catch {
      this.problems.push(`${name} must name a readable file, got "${value}"`)
    }
    return value
  }

  list (name: string): string[] {
    return (this.raw(name) ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '')
  }

  httpUrl (name: string): string | undefined {
    const value = this.raw(name)
    if (value !== undefined && !/^https?:\/\/[^\s]+$/.test(value)) {
      this.problems.push(`${name} must be an http:// or https:// URL, got "${value}"`)
    }
    return value
  }

  /** A decimal number strictly between 0 and 1. */
  fraction (name: string, fallback: number): number {
    const value = this.raw(name)
    if (value === undefined) return fallback
    const number = Number(value)
    if (!/^0?\.\d+$/.test(value) || !(number > 0 && number < 1)) {
      this.problems.push(`${name} must be a number between 0 and 1 (exclusive), got "${value}"`)
      return fallback
    }
    return number
  }

  keyPrefix (name: string, fallback: string): string {
    const value = this.string(name, fallback)
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) {
      this.problems.push(`${name} must be 1-64 characters of letters, digits, '.', '_' or '-', got "${value}"`)
    }
    return value
  }
}

const MINUTE_MS = 60_000
const KIB = 1024
const MIB = 1024 * KIB

const AI_PROVIDERS = ['auto', 'openai', 'local'] as const
const AI_FALLBACKS = ['local', 'none'] as const
const YEAR_SECONDS = 365 * 24 * 60 * 60

/** CACHE_TTL_JD_SECONDS, CACHE_GRACE_JD_SECONDS… for every namespace of src/cache-policy.ts. */
function readCachePolicies (read: EnvReader): CachePolicies {
  return Object.fromEntries(CACHE_NAMESPACE_IDS.map((id) => {
    const defaults = CACHE_POLICY[id]
    const name = id.toUpperCase()
    return [id, {
      namespace: defaults.namespace,
      ttlSeconds: read.integer(`CACHE_TTL_${name}_SECONDS`, defaults.ttlSeconds, 1, 10 * YEAR_SECONDS),
      graceSeconds: read.integer(`CACHE_GRACE_${name}_SECONDS`, defaults.graceSeconds, 0, 10 * YEAR_SECONDS)
    }]
  })) as CachePolicies
}

function readTimeouts (read: EnvReader, kind: 'CHAT' | 'EMBEDDING', defaults: AiTimeouts): AiTimeouts {
  const softMs = read.integer(`AI_${kind}_SOFT_TIMEOUT_MS`, defaults.softMs, 1, MINUTE_MS)
  const hardMs = read.integer(`AI_${kind}_HARD_TIMEOUT_MS`, defaults.hardMs, 1, 10 * MINUTE_MS)
  if (softMs >= hardMs) read.problems.push(`AI_${kind}_SOFT_TIMEOUT_MS (${softMs}) must be below AI_${kind}_HARD_TIMEOUT_MS (${hardMs})`)
  return { softMs, hardMs }
}

function readAiResilience (read: EnvReader): AiResilienceConfig {
  return {
    chat: readTimeouts(read, 'CHAT', { softMs: 1500, hardMs: 5000 }),
    embedding: readTimeouts(read, 'EMBEDDING', { softMs: 500, hardMs: 3000 }),
    failSafeThrottleSeconds: read.integer('AI_FAIL_SAFE_THROTTLE_SECONDS', 30, 1, 60 * 60),
    breakerFailureThreshold: read.integer('AI_BREAKER_FAILURE_THRESHOLD', 5, 1, 1000),
    breakerCooldownMs: read.integer('AI_BREAKER_COOLDOWN_MS', 5000, 10, 10 * MINUTE_MS)
  }
}

function readHttpConfig (read: EnvReader): HttpConfig {
  const requestTimeoutMs = read.integer('REQUEST_TIMEOUT_MS', 30_000, 100, 10 * MINUTE_MS)
  const headersTimeoutMs = read.integer('HEADERS_TIMEOUT_MS', 10_000, 100, 10 * MINUTE_MS)
  // Node refuses a server whose header deadline is later than its request deadline.
  if (headersTimeoutMs > requestTimeoutMs) read.problems.push(`HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${requestTimeoutMs})`)
  return {
    requestTimeoutMs,
    headersTimeoutMs,
    // Above the AI provider's worst case (30 s timeout, 2 retries): a slow answer is not an idle client.
    connectionTimeoutMs: read.integer('CONNECTION_TIMEOUT_MS', 2 * MINUTE_MS, 100, 10 * MINUTE_MS),
    keepAliveTimeoutMs: read.integer('KEEP_ALIVE_TIMEOUT_MS', 72_000, 100, 10 * MINUTE_MS)
  }
}

function readDocumentsConfig (read: EnvReader): DocumentsConfig {
  return {
    maxPages: read.integer('MAX_DOCUMENT_PAGES', 50, 1, 10_000),
    maxExtractedTextBytes: read.integer('MAX_EXTRACTED_TEXT_BYTES', 1 * MIB, 1 * KIB, 100 * MIB),
    maxInflatedBytes: read.integer('MAX_DOCUMENT_INFLATED_BYTES', 32 * MIB, 64 * KIB, 1024 * MIB),
    maxArchiveEntries: read.integer('MAX_DOCUMENT_ARCHIVE_ENTRIES', 1000, 1, 65_535),
    taskTimeoutMs: read.integer('DOCUMENT_TASK_TIMEOUT_MS', 10_000, 100, 10 * MINUTE_MS),
    workers: read.integer('DOCUMENT_WORKERS', 2, 1, 64),
    workerHeapMb: read.integer('DOCUMENT_WORKER_HEAP_MB', 256, 32, 16_384),
    maxConcurrentUploads: read.integer('MAX_CONCURRENT_UPLOADS', 16, 1, 100_000)
  }
}

/**
 * One topology, chosen by which variable is set: REDIS_CLUSTER_NODES (cluster), REDIS_SENTINELS
 * (sentinel, with REDIS_SENTINEL_NAME), else REDIS_URL (standalone, the default). Setting two is
 * a configuration error, not a silent preference.
 */
function readRedisConfig (read: EnvReader): RedisConfig | undefined {
  const clusterNodes = read.hostPorts('REDIS_CLUSTER_NODES')
  const sentinels = read.hostPorts('REDIS_SENTINELS')
  const masterName = read.raw('REDIS_SENTINEL_NAME')
  const explicitUrl = read.raw('REDIS_URL')
  const chosen = [clusterNodes.length > 0 && 'REDIS_CLUSTER_NODES', sentinels.length > 0 && 'REDIS_SENTINELS', explicitUrl !== undefined && 'REDIS_URL']
    .filter((name) => name !== false)
  if (chosen.length > 1) read.problems.push(`set only one of ${chosen.join(', ')}: they name different Redis topologies`)
  if (sentinels.length > 0 && masterName === undefined) read.problems.push('REDIS_SENTINELS needs REDIS_SENTINEL_NAME (the master group name)')
  if (masterName !== undefined && sentinels.length === 0) read.problems.push('REDIS_SENTINEL_NAME needs REDIS_SENTINELS')
  let topology: RedisTopology | undefined
  if (clusterNodes.length > 0) topology = { kind: 'cluster', nodes: clusterNodes }
  else if (sentinels.length > 0) {
    topology = { kind: 'sentinel', sentinels, masterName: masterName ?? '', sentinelPassword: read.raw('REDIS_SENTINEL_PASSWORD') }
  } else {
    const url = read.redisUrl('REDIS_URL', 'redis://127.0.0.1:6379')
    topology = url === undefined ? undefined : { kind: 'standalone', url }
  }
  const settings = {
    username: read.raw('REDIS_USERNAME'),
    password: read.raw('REDIS_PASSWORD'),
    tls: read.boolean('REDIS_TLS', false),
    tlsCaFile: read.readableFile('REDIS_TLS_CA_FILE')
  }
  return topology === undefined ? undefined : { topology, ...settings }
}

function readAiConfig (read: EnvReader): AiConfig {
  const requested = read.oneOf('AI_PROVIDER', AI_PROVIDERS, 'auto')
  const apiKey = read.raw('OPENAI_API_KEY')
  if (requested === 'openai' && apiKey === undefined) read.problems.push('AI_PROVIDER=openai needs OPENAI_API_KEY')
  const provider = requested === 'local' || apiKey === undefined ? 'local' : 'openai'
  // Read either way, so a typo is reported even while the provider is local.
  const fallback = read.oneOf('AI_FALLBACK', AI_FALLBACKS, 'local')
  const openai: OpenAiConfig = {
    apiKey: apiKey ?? '',
    baseUrl: read.httpUrl('OPENAI_BASE_URL'),
    chatModel: read.string('OPENAI_CHAT_MODEL', 'gpt-4o-mini'),
    timeoutMs: read.integer('OPENAI_TIMEOUT_MS', 30_000, 100, 10 * MINUTE_MS),
    maxRetries: read.integer('OPENAI_MAX_RETRIES', 2, 0, 10)
  }
  const embeddingDimensions = read.integer('EMBEDDING_DIMENSIONS', 768, 8, 4096)
  const localEmbedder: LocalEmbedderConfig = {
    kind: read.oneOf('LOCAL_EMBEDDER', LOCAL_EMBEDDERS, 'semantic'),
    threads: read.integer('LOCAL_EMBEDDER_THREADS', 1, 1, 16),
    timeoutMs: read.integer('LOCAL_EMBEDDER_TIMEOUT_MS', 30_000, 100, 10 * MINUTE_MS),
    maxHeapMb: read.integer('LOCAL_EMBEDDER_MAX_HEAP_MB', 512, 64, 16_384)
  }
  const runsLocal = provider === 'local' || fallback === 'local'
  if (runsLocal && localEmbedder.kind === 'semantic' && embeddingDimensions < MODEL_DIMENSIONS) {
    read.problems.push(`LOCAL_EMBEDDER=semantic needs EMBEDDING_DIMENSIONS of at least ${MODEL_DIMENSIONS} (the model's size), got ${embeddingDimensions}; set LOCAL_EMBEDDER=lexical for fewer`)
  }
  return {
    provider,
    openai: provider === 'openai' ? openai : undefined,
    embeddingModel: read.string('OPENAI_EMBEDDING_MODEL', 'text-embedding-3-small'),
    embeddingDimensions,
    embeddingBatchSize: read.integer('EMBEDDING_BATCH_SIZE', 256, 1, 2048),
    localEmbedder,
    fallback: provider === 'openai' ? fallback : 'none',
    resilience: readAiResilience(read)
  }
}

const MIN_SECRET_LENGTH = 16
const AES_256_KEY_BYTES = 32

function readSecret (read: EnvReader, name: string, value: string): void {
  if (value.length < MIN_SECRET_LENGTH || /\s/.test(value)) {
    read.problems.push(`${name} entries must be at least ${MIN_SECRET_LENGTH} characters without white space`)
  }
}

/** `kid1:base64key,kid2:base64key`: ids are short names, keys 32 bytes of base64. */
function readEncryptionKeys (read: EnvReader): EncryptionKey[] {
  const keys: EncryptionKey[] = []
  for (const [index, entry] of read.list('CACHE_ENCRYPTION_KEYS').entries()) {
    const match = /^([A-Za-z0-9_.-]{1,32}):([A-Za-z0-9+/=]+)$/.exec(entry)
    const key = match === null ? undefined : Buffer.from(match[2]!, 'base64')
    if (match === null || key === undefined || key.length !== AES_256_KEY_BYTES) {
      // The key itself is never echoed: only its position.
      read.problems.push(`CACHE_ENCRYPTION_KEYS entry ${index + 1} must be "id:base64" with an id of 1-32 letters, digits, '.', '_' or '-' and ${AES_256_KEY_BYTES} bytes of key`)
      continue
    }
    if (keys.some((known) => known.id === match[1])) read.problems.push(`CACHE_ENCRYPTION_KEYS has the key id "${match[1]}" twice`)
    keys.push({ id: match[1]!, key })
  }
  return keys
}

function readSecurityConfig (read: EnvReader): SecurityConfig {
  const adminToken = read.raw('ADMIN_TOKEN')
  if (adminToken !== undefined) readSecret(read, 'ADMIN_TOKEN', adminToken)
  const apiKeys = read.list('API_KEYS')
  apiKeys.forEach((key) => readSecret(read, 'API_KEYS', key))
  const metricsPort = read.raw('METRICS_PORT') === undefined ? undefined : read.integer('METRICS_PORT', 0, 1, 65535)
  const metricsRequireToken = read.boolean('METRICS_REQUIRE_TOKEN', false)
  if (metricsRequireToken && adminToken === undefined) read.problems.push('METRICS_REQUIRE_TOKEN=true needs ADMIN_TOKEN')
  return {
    adminToken,
    apiKeys,
    metricsPort,
    metricsRequireToken,
    rateLimit: {
      windowMs: read.integer('RATE_LIMIT_WINDOW_MS', MINUTE_MS, 1000, 60 * MINUTE_MS),
      computeMax: read.integer('RATE_LIMIT_COMPUTE_MAX', 120, 1, 1_000_000),
      readMax: read.integer('RATE_LIMIT_READ_MAX', 1200, 1, 1_000_000),
      adminMax: read.integer('RATE_LIMIT_ADMIN_MAX', 10, 1, 1_000_000),
      instances: read.integer('RATE_LIMIT_INSTANCES', 1, 1, 1000)
    }
  }
}

export interface TelemetryConfig {
  /** Traces are exported only when an OTLP endpoint is configured and the SDK is not disabled. */
  enabled: boolean
  serviceName: string
}

/**
 * The OpenTelemetry bootstrap's view of the environment. The standard OTEL_* variables keep
 * their meaning (the SDK and exporter read the endpoint, headers and protocol themselves).
 */
export function parseTelemetryConfig (env: Env): TelemetryConfig {
  const read = new EnvReader(env)
  const disabled = read.boolean('OTEL_SDK_DISABLED', false)
  const endpoint = read.raw('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? read.raw('OTEL_EXPORTER_OTLP_ENDPOINT')
  const config = { enabled: !disabled && endpoint !== undefined, serviceName: read.string('OTEL_SERVICE_NAME', 'jobfit') }
  if (read.problems.length > 0) throw new ConfigError(read.problems)
  return config
}

export function parseConfig (env: Env): Config {
  const read = new EnvReader(env)
  const l2CommandTimeoutMs = read.integer('CACHE_L2_COMMAND_TIMEOUT_MS', 50, 1, MINUTE_MS)
  const breakerCooldownMs = read.integer('CACHE_BREAKER_COOLDOWN_MS', 1000, 10, 10 * MINUTE_MS)
  const config: Config = {
    port: read.integer('PORT', 8001, 0, 65535),
    host: read.string('HOST', '0.0.0.0'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    shutdownTimeoutMs: read.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 10 * MINUTE_MS),
    http: readHttpConfig(read),
    documents: readDocumentsConfig(read),
    cache: {
      enabled: !read.boolean('DISABLE_CACHE', false),
      keyPrefix: read.keyPrefix('CACHE_KEY_PREFIX', 'jobfit'),
      redis: readRedisConfig(read),
      l2CommandTimeoutMs,
      l2ConnectTimeoutMs: read.integer('CACHE_L2_CONNECT_TIMEOUT_MS', 1000, 1, MINUTE_MS),
      l2MaxReconnectDelayMs: read.integer('CACHE_L2_MAX_RECONNECT_DELAY_MS', 1000, 10, MINUTE_MS),
      breakerFailureThreshold: read.integer('CACHE_BREAKER_FAILURE_THRESHOLD', 5, 1, 1000),
      breakerCooldownMs,
      // Unset, it never forbids a longer CACHE_BREAKER_COOLDOWN_MS: the cool-down then just does not grow.
      breakerMaxCooldownMs: read.integer('CACHE_BREAKER_MAX_COOLDOWN_MS', Math.max(4000, breakerCooldownMs), 10, 60 * MINUTE_MS),
      breakerCooldownJitter: read.integer('CACHE_BREAKER_COOLDOWN_JITTER_PERCENT', 20, 0, 100) / 100,
      breakerWindowMs: read.integer('CACHE_BREAKER_WINDOW_MS', 10_000, 100, 10 * MINUTE_MS),
      breakerMinCallsInWindow: read.integer('CACHE_BREAKER_MIN_CALLS', 20, 1, 1_000_000),
      breakerFailureRateThreshold: read.integer('CACHE_BREAKER_FAILURE_RATE_PERCENT', 50, 1, 100) / 100,
      // By default a call that used 80 % of the deadline is slow: Redis hovering at the deadline.
      breakerSlowCallMs: read.integer('CACHE_BREAKER_SLOW_CALL_MS', Math.ceil(l2CommandTimeoutMs * 0.8), 1, MINUTE_MS),
      replayMaxWrites: read.integer('CACHE_REPLAY_MAX_WRITES', 10_000, 0, 1_000_000),
      replayMaxInvalidations: read.integer('CACHE_REPLAY_MAX_INVALIDATIONS', 1000, 0, 100_000),
      replayIntervalMs: read.integer('CACHE_REPLAY_INTERVAL_MS', 500, 10, MINUTE_MS),
      l1MaxEntries: read.integer('CACHE_L1_MAX_ENTRIES', 50_000, 1, 100_000_000),
      l1MaxBytes: read.integer('CACHE_L1_MAX_BYTES', 64 * 1024 * 1024, 1024, Number.MAX_SAFE_INTEGER),
      warningIntervalMs: read.integer('CACHE_WARNING_INTERVAL_MS', 10_000, 0, 60 * MINUTE_MS),
      encryptionKeys: readEncryptionKeys(read),
      policies: readCachePolicies(read),
      eagerRefreshFraction: read.fraction('CACHE_EAGER_REFRESH_FRACTION', 0.8)
    },
    ai: readAiConfig(read),
    domains: {
      verifyDns: read.boolean('DOMAIN_VERIFY_DNS', false),
      dnsTimeoutMs: read.integer('DOMAIN_DNS_TIMEOUT_MS', 1000, 10, MINUTE_MS),
      dnsServers: read.list('DOMAIN_DNS_SERVERS')
    },
    limits: {
      maxTextBytes: read.integer('MAX_TEXT_BYTES', 100 * KIB, 1, 10 * MIB),
      bodyLimitBytes: read.integer('BODY_LIMIT_BYTES', 1 * MIB, 1 * KIB, 100 * MIB),
      maxUploadBytes: read.integer('MAX_UPLOAD_BYTES', 5 * MIB, 1 * KIB, 100 * MIB),
      rankMaxCvs: read.integer('RANK_MAX_CVS', 500, 1, 10_000),
      rankBodyLimitBytes: read.integer('RANK_BODY_LIMIT_BYTES', 16 * MIB, 1 * KIB, 512 * MIB)
    },
    security: readSecurityConfig(read)
  }
  checkBreakerBounds(read, config.cache)
  if (config.security.metricsPort === config.port) read.problems.push('METRICS_PORT must differ from PORT')
  if (read.problems.length > 0) throw new ConfigError(read.problems)
  return config
}

/** Settings that only make sense relative to others: a slow call answers before the deadline; the cool-down grows, never shrinks. */
function checkBreakerBounds (read: EnvReader, cache: CacheConfig): void {
  const deadline = cache.l2CommandTimeoutMs
  if (cache.breakerSlowCallMs > deadline) {
    read.problems.push(`CACHE_BREAKER_SLOW_CALL_MS must not exceed CACHE_L2_COMMAND_TIMEOUT_MS (${deadline}), got "${cache.breakerSlowCallMs}"`)
  }
  if (cache.breakerMaxCooldownMs < cache.breakerCooldownMs) {
    read.problems.push(`CACHE_BREAKER_MAX_COOLDOWN_MS must be at least CACHE_BREAKER_COOLDOWN_MS (${cache.breakerCooldownMs}), got "${cache.breakerMaxCooldownMs}"`)
  }
}
