import { Redis } from 'ioredis'
import type { RedisConnectionSettings, RedisTopology } from './l2-connection.ts'
import { boundedClientOptions, reconnectDelay, tlsOptions } from './redis-client.ts'
import { SingleNodeConnection } from './standalone-connection.ts'

type SentinelTopology = Extract<RedisTopology, { kind: 'sentinel' }>

/**
 * REDIS_SENTINELS + REDIS_SENTINEL_NAME: ioredis asks the sentinels for the master's address on
 * every (re)connection, so a promoted replica is found by reconnecting. The failover detector
 * listens for `+switch-master` and drops the connection as soon as the sentinels announce a new
 * master, instead of waiting for the old one to fail a command.
 */
export function createSentinelConnection (settings: RedisConnectionSettings, topology: SentinelTopology): SingleNodeConnection {
  const tls = settings.tls ? tlsOptions(settings) : undefined
  const client = new Redis({
    ...boundedClientOptions(settings),
    sentinels: topology.sentinels,
    name: topology.masterName,
    role: 'master',
    ...(topology.sentinelPassword === undefined ? {} : { sentinelPassword: topology.sentinelPassword }),
    sentinelRetryStrategy: (attempt: number) => reconnectDelay(attempt, settings.maxReconnectDelayMs),
    failoverDetector: true,
    // Here the ready check is what verifies that the node the sentinels named is still a master
    // (a demoted one is skipped); it is bounded by the command timeout like any command.
    enableReadyCheck: true,
    ...(tls === undefined ? {} : { enableTLSForSentinelMode: true, sentinelTLS: tls })
  })
  return new SingleNodeConnection('sentinel', reconnectingAfterFailover(client, settings.maxReconnectDelayMs),
    (duplicate) => reconnectingAfterFailover(duplicate, settings.maxReconnectDelayMs))
}

/**
 * ioredis (6.0) can end a Sentinel client for good in the middle of a failover: the failover
 * detector of the lost connection stays subscribed to `+switch-master` and, when the message
 * arrives while a reconnection is asking a sentinel for the master, its disconnect() makes that
 * attempt fail with "Connection is closed", and a failed (re)connect sets the status to `end`
 * without any retry. The client then stays down until the process restarts. An `end` that
 * nobody asked for (no quit() or disconnect() of ours) therefore starts connecting again, after
 * the usual reconnection delay.
 */
export function reconnectingAfterFailover (client: Redis, maxDelayMs: number): Redis {
  let closing = false
  let attempt = 0
  const quit = client.quit.bind(client)
  const disconnect = client.disconnect.bind(client)
  client.quit = ((...args: Parameters<Redis['quit']>) => {
    closing = true
    return quit(...args)
  }) as Redis['quit']
  client.disconnect = (reconnect = false) => {
    if (!reconnect) closing = true
    disconnect(reconnect)
  }
  client.on('ready', () => { attempt = 0 })
  client.on('end', () => {
    if (closing) return
    setTimeout(() => {
      if (!closing && client.status === 'end') client.connect().catch(() => {})
    }, reconnectDelay(++attempt, maxDelayMs)).unref()
  })
  return client
}
