import { Redis } from 'ioredis'
import t from 'tap'
import { reconnectingAfterFailover } from '../src/cache/sentinel-connection.ts'
import { eventually } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

interface Connector { connect: (...args: unknown[]) => Promise<unknown> }

/**
 * ioredis ends a Sentinel client for good when a reconnection attempt fails inside its connector
 * (the failover detector's disconnect() during a sentinel query: "Connection is closed").
 * The failure is reproduced here on a real server by making the connector's next attempt reject.
 */
t.test('a client ioredis ended on its own connects again; one we closed stays closed', async (t) => {
  const redis = await startRedisServer(t)
  const client = reconnectingAfterFailover(new Redis(redis.url, { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: 0 }), 200)
  client.on('error', () => {})
  t.teardown(() => client.disconnect())
  await client.connect()
  const connector = (client as unknown as { connector: Connector }).connector
  const realConnect = connector.connect.bind(connector)
  let refused = 0
  connector.connect = async (...args: unknown[]) => {
    if (refused++ === 0) throw new Error('Connection is closed.')
    return realConnect(...args)
  }
  const statuses: string[] = []
  client.on('end', () => statuses.push('end'))
  client.on('ready', () => statuses.push('ready'))

  await redis.command('CLIENT', 'KILL', 'TYPE', 'normal')
  t.ok(await eventually(() => statuses.includes('end'), 10_000), 'ioredis ended the client after the failed attempt')
  t.ok(await eventually(() => client.status === 'ready', 10_000), 'and it is connected again')
  t.same(statuses, ['end', 'ready'])
  t.equal(await client.ping(), 'PONG')

  client.disconnect()
  t.ok(await eventually(() => client.status === 'end', 10_000), 'disconnected')
  await new Promise((resolve) => setTimeout(resolve, 500))
  t.equal(client.status, 'end', 'a client we disconnected is not brought back')
})
