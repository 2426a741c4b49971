/**
 * The service's whole configuration, read once from the environment.
 * Only the entry points (src/server.ts, src/telemetry.ts) hand `process.env` to the parsers here;
 * nothing else reads it: everything is handed down as typed config.
 */

export interface CacheConfig {
  /** `false` turns every cache operation into a pass-through (DISABLE_CACHE=true). */
  enabled: boolean
  keyPrefix: string
  /** `undefined` means no L2 at all (REDIS_URL set to an empty string). */
  redisUrl: string | undefined
  l2CommandTimeoutMs: number
  l2ConnectTimeoutMs: number
  l2MaxReconnectDelayMs: number
  breakerFailureThreshold: number
  breakerCooldownMs: number
  l1MaxEntries: number
  l1MaxBytes: number
  warningIntervalMs: number
}

export interface Config {
  port: number
  host: string
  logLevel: LogLevel
  shutdownTimeoutMs: number
  cache: CacheConfig
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

  private raw (name: string): string | undefined {
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

  keyPrefix (name: string, fallback: string): string {
    const value = this.string(name, fallback)
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) {
      this.problems.push(`${name} must be 1-64 characters of letters, digits, '.', '_' or '-', got "${value}"`)
    }
    return value
  }
}

const MINUTE_MS = 60_000

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
  const endpoint = read.optionalString('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', '') ?? read.optionalString('OTEL_EXPORTER_OTLP_ENDPOINT', '')
  const config = { enabled: !disabled && endpoint !== undefined, serviceName: read.string('OTEL_SERVICE_NAME', 'jobfit') }
  if (read.problems.length > 0) throw new ConfigError(read.problems)
  return config
}

export function parseConfig (env: Env): Config {
  const read = new EnvReader(env)
  const config: Config = {
    port: read.integer('PORT', 8001, 0, 65535),
    host: read.string('HOST', '0.0.0.0'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    shutdownTimeoutMs: read.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 10 * MINUTE_MS),
    cache: {
      enabled: !read.boolean('DISABLE_CACHE', false),
      keyPrefix: read.keyPrefix('CACHE_KEY_PREFIX', 'jobfit'),
      redisUrl: read.redisUrl('REDIS_URL', 'redis://127.0.0.1:6379'),
      l2CommandTimeoutMs: read.integer('CACHE_L2_COMMAND_TIMEOUT_MS', 50, 1, MINUTE_MS),
      l2ConnectTimeoutMs: read.integer('CACHE_L2_CONNECT_TIMEOUT_MS', 1000, 1, MINUTE_MS),
      l2MaxReconnectDelayMs: read.integer('CACHE_L2_MAX_RECONNECT_DELAY_MS', 1000, 10, MINUTE_MS),
      breakerFailureThreshold: read.integer('CACHE_BREAKER_FAILURE_THRESHOLD', 5, 1, 1000),
      breakerCooldownMs: read.integer('CACHE_BREAKER_COOLDOWN_MS', 1000, 10, 10 * MINUTE_MS),
      l1MaxEntries: read.integer('CACHE_L1_MAX_ENTRIES', 50_000, 1, 100_000_000),
      l1MaxBytes: read.integer('CACHE_L1_MAX_BYTES', 64 * 1024 * 1024, 1024, Number.MAX_SAFE_INTEGER),
      warningIntervalMs: read.integer('CACHE_WARNING_INTERVAL_MS', 10_000, 0, 60 * MINUTE_MS)
    }
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems)
  return config
}
