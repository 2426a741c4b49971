import { createClusterConnection } from './cluster-connection.ts'
import type { L2Connection, RedisConnectionSettings } from './l2-connection.ts'
import { createSentinelConnection } from './sentinel-connection.ts'
import { createStandaloneConnection } from './standalone-connection.ts'

/** The adapter for the configured topology; nothing is connected yet. */
export function createL2Connection (settings: RedisConnectionSettings): L2Connection {
  switch (settings.topology.kind) {
    case 'standalone': return createStandaloneConnection(settings, settings.topology.url)
    case 'sentinel': return createSentinelConnection(settings, settings.topology)
    case 'cluster': return createClusterConnection(settings, settings.topology.nodes)
  }
}
