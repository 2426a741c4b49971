/**
 * jobfit's cache and the two libraries it is compared with, each built the way its own
 * documentation shows, behind one small interface. Every instance owns its connections and can
 * drop them at once: a hung Redis must not hang the benchmark's teardown, and no reconnect timer
 * may outlive the section.
 */
import { once } from 'node:events'
import { createKeyvNonBlocking, default as KeyvRedis } from '@keyv/redis'
import type { KeyvRedisOptions } from '@keyv/redis'
import { BentoCache, bentostore } from 'bentocache'
import type { RawCommonOptions } from 'bentocache/types'
import { memoryDriver } from 'bentocache/drivers/memory'
import { redisBusDriver, redisDriver } from 'bentocache/drivers/redis'
import { Cacheable, createKeyv } from 'cacheable'
import type { Keyv } from 'cacheable'
import { Redis } from 'ioredis'
import type { RedisOptions } from 'ioredis'
import { createCache } from '../../src/cache/index.ts'
import { createStandaloneConnection } from '../../src/cache/standalone-connection.ts'
import type { SingleNodeConnection } from '../../src/cache/standalone-connection.ts'
import type { TwoTierCache } from '../../src/cache/index.ts'
import { parseConfig } from '../../src/config.ts'
import type { CacheConfig } from '../../src/config.ts'

/** The namespace jobfit's cache is used under, and the TTL every library writes with. */
export const NAMESPACE = 'bench'
export const TTL_SECONDS = 600
/** L1 bound for every contender, so that none gets a bigger (or unbounded) memory tier than jobfit's default. */
export const L1_MAX_ENTRIES = 50_000
/** How long a forced close may wait on a library's own disconnect before its sockets are cut. */
const CLOSE_GRACE_MS = 500

export interface CacheUnderTest {
  /** One read; the caller picks a key that is not in L1. */
  get (key: string): Promise<unknown>
  /** One write, resolving when the library's own call does. */
  set (key: string, value: unknown): Promise<unknown>
  /** Drops every connection without waiting on Redis (which may be hung). */
  close (): Promise<void>
}

export interface Contender {
  label: string
  /** The options passed, as the report prints them. */
  options: string
  create (url: string): Promise<CacheUnderTest>
}

// ---------------------------------------------------------------------------------------------
// jobfit

export interface JobfitInstance {
  cache: TwoTierCache
  client: SingleNodeConnection['client']
  settings: CacheConfig
  close (): Promise<void>
}

/** jobfit's cache as the service builds it: the config defaults, with REDIS_URL pointing at `url`. */
export async function createJobfit (url: string, overrides: Partial<CacheConfig> = {}): Promise<JobfitInstance> {
  const settings = { ...parseConfig({ REDIS_URL: url }).cache, ...overrides }
  const connection = createStandaloneConnection({
    ...settings.redis!,
    commandTimeoutMs: settings.l2CommandTimeoutMs,
    connectTimeoutMs: settings.l2ConnectTimeoutMs,
    maxReconnectDelayMs: settings.l2MaxReconnectDelayMs
  }, url)
  const { client } = connection
  await client.connect()
  const cache = createCache(settings, { l2: connection })
  return {
    cache,
    client,
    settings,
    close: async () => {
      await cache.close()
      client.disconnect()
    }
  }
}

function describeJobfit (): string {
  const { redis: _redis, warningIntervalMs: _warnings, ...settings } = parseConfig({}).cache
  return `\`createCache(settings, { l2: createStandaloneConnection(...) })\` with the defaults of src/config.ts: \`${JSON.stringify(settings)}\``
}

export const JOBFIT: Contender = {
  label: 'jobfit',
  options: describeJobfit(),
  create: async (url) => {
    const instance = await createJobfit(url)
    return {
      get: (key) => instance.cache.safeGet(NAMESPACE, key),
      set: async (key, value) => instance.cache.safeSet(NAMESPACE, key, value, TTL_SECONDS),
      close: instance.close
    }
  }
}

// ---------------------------------------------------------------------------------------------
// bentocache: memory L1 + redis L2 + redis bus, as in its multi-tier documentation

/** An ioredis client whose duplicates are adopted too: the bus duplicates its connection twice. */
class AdoptingRedis extends Redis {
  private readonly adopt: (client: Redis) => Redis

  constructor (url: string, options: RedisOptions, adopt: (client: Redis) => Redis) {
    super(url, options)
    this.adopt = adopt
  }

  override duplicate (override?: Partial<RedisOptions>): Redis {
    return this.adopt(super.duplicate(override))
  }
}

/** The ioredis connections a bentocache instance ends up with, so that closing it can cut them all. */
class OwnedConnections {
  private readonly clients: Redis[] = []

  create (url: string, options: RedisOptions): Redis {
    return this.adopt(new AdoptingRedis(url, options, (client) => this.adopt(client)))
  }

  /** bentocache does not wait for its connections: without this a warm-up could run before them. */
  async ready (): Promise<void> {
    await Promise.all(this.clients.map((client) => client.status === 'ready' ? undefined : once(client, 'ready')))
  }

  disconnectAll (): void {
    for (const client of this.clients) client.disconnect()
  }

  private adopt (client: Redis): Redis {
    // Without a listener ioredis prints every connection error; the failures are measured, not logged.
    client.on('error', () => {})
    this.clients.push(client)
    return client
  }
}

export interface BentoConfig {
  /** Passed to `new Redis(url, options)` for the L2 driver; the driver docs allow any ioredis option. */
  ioredis: RedisOptions
  /** The same for the bus, which duplicates this connection for its publisher and subscriber. */
  busIoredis: RedisOptions
  /** BentoCache options (global level). */
  bento: RawCommonOptions
}

export interface BentoInstance {
  bento: BentoCache<{ cache: ReturnType<ReturnType<typeof bentostore>['useL1Layer']> }>
  close (): Promise<void>
}

export async function createBento (url: string, config: BentoConfig, l1MaxEntries = L1_MAX_ENTRIES): Promise<BentoInstance> {
  const connections = new OwnedConnections()
  const connection = connections.create(url, config.ioredis)
  const busConnection = connections.create(url, config.busIoredis)
  const bento = new BentoCache({
    default: 'cache',
    ttl: TTL_SECONDS * 1000,
    ...config.bento,
    stores: {
      cache: bentostore()
        .useL1Layer(memoryDriver({ maxItems: l1MaxEntries, maxSize: '64mb' }))
        .useL2Layer(redisDriver({ connection }))
        .useBus(redisBusDriver({ connection: busConnection }))
    }
  })
  await connections.ready()
  return {
    bento,
    close: async () => {
      await withinGrace(bento.disconnect())
      connections.disconnectAll()
    }
  }
}

function bentoContender (label: string, config: BentoConfig): Contender {
  return {
    label,
    options: `\`redisDriver({ connection: new Redis(url, ${JSON.stringify(config.ioredis)}) })\`, ` +
      `\`redisBusDriver({ connection: new Redis(url, ${JSON.stringify(config.busIoredis)}) })\`, ` +
      `\`memoryDriver({ maxItems: ${L1_MAX_ENTRIES}, maxSize: '64mb' })\`, BentoCache options \`${JSON.stringify(config.bento)}\``,
    create: async (url) => {
      const { bento, close } = await createBento(url, config)
      return {
        get: (key) => bento.get({ key }),
        set: (key, value) => bento.set({ key, value }),
        close
      }
    }
  }
}

export const BENTO_DEFAULTS: BentoConfig = { ioredis: {}, busIoredis: {}, bento: {} }

/**
 * What its documentation offers against a sick L2: the L2 circuit breaker, L2 errors suppressed
 * (already the default with two tiers), and the driver's ioredis options, set like jobfit's client.
 * `timeout`/`hardTimeout` bound factories and `grace` serves stale entries: neither bounds an L2 read.
 * The bus connection keeps ioredis' defaults: BentoCache's constructor SUBSCRIBEs before it is
 * connected and never handles that promise, so without the offline queue, or with a command
 * timeout shorter than the connection setup, the rejection is unhandled and kills the process.
 */
export const BENTO_TUNED: BentoConfig = {
  ioredis: { commandTimeout: 50, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000 },
  busIoredis: {},
  bento: { l2CircuitBreakerDuration: '1s', suppressL2Errors: true }
}

// ---------------------------------------------------------------------------------------------
// cacheable: in-memory primary + @keyv/redis secondary

export interface CacheableConfig {
  /** How the secondary is built: the plain adapter or the documented non-blocking helper. */
  secondary: 'KeyvRedis' | 'createKeyvNonBlocking'
  keyvRedis: KeyvRedisOptions
  nonBlocking: boolean
  /** The docs' advice: listen on `error` (failures are then reported there, not only swallowed). */
  errorListener: boolean
}

export interface CacheableInstance {
  cacheable: Cacheable
  close (): Promise<void>
}

/** Resolves once the Redis connection is up: the adapter only connects on first use, and not waiting could race the warm-up. */
export async function createCacheable (url: string, config: CacheableConfig, lruSize = L1_MAX_ENTRIES): Promise<CacheableInstance> {
  const secondary: Keyv | KeyvRedis<unknown> = config.secondary === 'KeyvRedis'
    ? new KeyvRedis(url, config.keyvRedis)
    : createKeyvNonBlocking(url, config.keyvRedis)
  const cacheable = new Cacheable({ primary: createKeyv({ lruSize }), secondary, nonBlocking: config.nonBlocking })
  if (config.errorListener) cacheable.on('error', () => {})
  const store = secondary instanceof KeyvRedis ? secondary : secondary.store as KeyvRedis<unknown>
  await store.getClient()
  return {
    cacheable,
    close: async () => {
      // destroy(), not close(): close() waits for replies a hung server never sends.
      if (store.client.isOpen) store.client.destroy()
    }
  }
}

function cacheableContender (label: string, config: CacheableConfig): Contender {
  const build = config.secondary === 'KeyvRedis' ? 'new KeyvRedis(url, ' : 'createKeyvNonBlocking(url, '
  return {
    label,
    options: `secondary \`${build}${JSON.stringify(config.keyvRedis)})\`, primary \`createKeyv({ lruSize: ${L1_MAX_ENTRIES} })\`, ` +
      `\`nonBlocking: ${config.nonBlocking}\`${config.errorListener ? ', an `error` listener' : ', no `error` listener'}`,
    create: async (url) => {
      const { cacheable, close } = await createCacheable(url, config)
      return {
        get: (key) => cacheable.get(key),
        set: (key, value) => cacheable.set(key, value, TTL_SECONDS * 1000),
        close
      }
    }
  }
}

export const CACHEABLE_DEFAULTS: CacheableConfig = { secondary: 'KeyvRedis', keyvRedis: {}, nonBlocking: true, errorListener: false }

/**
 * cacheable's "Non-Blocking with @keyv/redis" recipe: `createKeyvNonBlocking` (no offline queue,
 * no reconnect strategy, no throwing), `nonBlocking: true`, a connection timeout, and an error listener.
 */
export const CACHEABLE_TUNED: CacheableConfig = {
  secondary: 'createKeyvNonBlocking',
  keyvRedis: { connectionTimeout: 1000 },
  nonBlocking: true,
  errorListener: true
}

export const CONTENDERS: readonly Contender[] = [
  JOBFIT,
  bentoContender('bentocache, defaults', BENTO_DEFAULTS),
  bentoContender('bentocache, tuned', BENTO_TUNED),
  cacheableContender('cacheable, defaults', CACHEABLE_DEFAULTS),
  cacheableContender('cacheable, tuned', CACHEABLE_TUNED)
]

/** A library's own disconnect may wait on a hung server: give it a moment, then move on. */
async function withinGrace (closing: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const grace = new Promise<void>((resolve) => { timer = setTimeout(resolve, CLOSE_GRACE_MS) })
  await Promise.race([closing.catch(() => {}), grace])
  clearTimeout(timer)
}
