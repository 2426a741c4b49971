import { readFileSync } from 'node:fs'
import t from 'tap'
import { createL2Connection } from '../../src/cache/create-l2-connection.ts'
import type { RedisConnectionSettings, RedisTopology } from '../../src/cache/l2-connection.ts'
import { boundedClientOptions } from '../../src/cache/redis-client.ts'

function settings (topology: RedisTopology, overrides: Partial<RedisConnectionSettings> = {}): RedisConnectionSettings {
  return {
    topology,
    username: undefined,
    password: undefined,
    tls: false,
    tlsCaFile: undefined,
    commandTimeoutMs: 50,
    connectTimeoutMs: 1000,
    maxReconnectDelayMs: 1000,
    ...overrides
  }
}

t.test('every client is bounded: no offline queue, no retried command, lazy, READONLY reconnects', async (t) => {
  const options = boundedClientOptions(settings({ kind: 'standalone', url: 'redis://127.0.0.1:1' }))
  t.match(options, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 1050 })
  t.equal(options.reconnectOnError?.(new Error("READONLY You can't write against a read only replica.")), 1, 'READONLY: reconnect, do not resend')
  t.equal(options.reconnectOnError?.(new Error('ERR something')), false)
  t.equal(options.retryStrategy?.(1), 100)
  t.equal(options.retryStrategy?.(30), 1000, 'the backoff is capped')
  t.notOk('tls' in options)
})

t.test('credentials and TLS with a CA file', async (t) => {
  const options = boundedClientOptions(settings({ kind: 'standalone', url: 'redis://h:1' }, {
    username: 'app', password: 'pw', tls: true, tlsCaFile: 'package.json'
  }))
  t.match(options, { username: 'app', password: 'pw' })
  t.same(options.tls?.ca, readFileSync('package.json'))
  t.same(boundedClientOptions(settings({ kind: 'standalone', url: 'redis://h:1' }, { tls: true })).tls, {}, 'the system CAs without a file')
})

t.test('standalone: one node holds every key, nothing is connected yet', async (t) => {
  const connection = createL2Connection(settings({ kind: 'standalone', url: 'redis://127.0.0.1:1' }))
  t.equal(connection.topology, 'standalone')
  t.equal(connection.client.status, 'wait', 'created disconnected')
  t.same(connection.partition(['a', 'b', 'c']), [[[0, 1, 2]]])
  t.same(connection.masters(), [connection.client])
  await connection.close()
})

t.test('sentinel: asks the sentinels for the master, detects failovers, verifies the role', async (t) => {
  const connection = createL2Connection(settings(
    { kind: 'sentinel', sentinels: [{ host: '127.0.0.1', port: 1 }], masterName: 'cache', sentinelPassword: 'spw' },
    { tls: true }
  ))
  t.equal(connection.topology, 'sentinel')
  const options = (connection.client as unknown as { options: Record<string, unknown> }).options
  t.match(options, {
    name: 'cache', role: 'master', sentinelPassword: 'spw', failoverDetector: true, enableReadyCheck: true,
    enableOfflineQueue: false, enableTLSForSentinelMode: true
  })
  t.same(connection.partition(['a', 'b']), [[[0, 1]]])
  await connection.close()
})

t.test('cluster: keys grouped by slot (hash tags share one), READONLY refreshes the slot map', async (t) => {
  const connection = createL2Connection(settings({ kind: 'cluster', nodes: [{ host: '127.0.0.1', port: 1 }] }, { tls: true }))
  t.equal(connection.topology, 'cluster')
  t.equal(connection.client.status, 'wait')
  // Not connected: no slot map yet, so every slot is on the same (unknown) node.
  t.same(connection.partition(['{user}a', 'x', '{user}b']), [[[0, 2], [1]]])
  const cluster = connection.client as unknown as { options: { enableOfflineQueue: boolean, redisOptions: { reconnectOnError (error: Error): unknown, enableOfflineQueue?: boolean }, dnsLookup?: unknown }, refreshSlotsCache (): void }
  t.equal(cluster.options.enableOfflineQueue, false, 'no cluster-level offline queue')
  t.equal(cluster.options.redisOptions.enableOfflineQueue, undefined, 'node options are the bounded ones, minus what the cluster owns')
  t.type(cluster.options.dnsLookup, 'function', 'with TLS, node names are kept for the certificates')
  let refreshes = 0
  cluster.refreshSlotsCache = () => { refreshes++ }
  t.equal(cluster.options.redisOptions.reconnectOnError(new Error('READONLY replica')), false)
  t.equal(cluster.options.redisOptions.reconnectOnError(new Error('ERR other')), false)
  t.equal(refreshes, 1, 'the slot map is read again after READONLY only')
  await connection.close()
})
