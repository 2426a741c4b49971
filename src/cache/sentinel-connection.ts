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
  return new SingleNodeConnection('sentinel', client)
}
