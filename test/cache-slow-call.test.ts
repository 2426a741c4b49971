import t from 'tap'
import net from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { watchSlowCall } from '../src/cache/slow-call.ts'
import { startRedisServer } from './helpers/redis-server.ts'

t.test('an answer that arrives before the slow-call time is not slow', async (t) => {
  const watch = watchSlowCall(10_000)
  await sleep(1)
  t.equal(watch.stop(), false)
})

t.test('an answer still missing when the slow-call time has come is slow', async (t) => {
  const watch = watchSlowCall(5)
  await sleep(50)
  await new Promise((resolve) => setImmediate(resolve))
  t.equal(watch.stop(), true)
})

t.test('a busy event loop does not make an answer that was already there slow', async (t) => {
  // A server in a process of its own: it answers while this one is blocked.
  const redis = await startRedisServer(t)
  const client = net.connect(redis.port, '127.0.0.1')
  t.teardown(() => client.destroy())
  await new Promise((resolve) => client.once('connect', resolve))

  const watch = watchSlowCall(5)
  const answered = new Promise<boolean>((resolve) => client.once('data', () => resolve(watch.stop())))
  client.write('PING\r\n')
  // The reply arrives in the socket while the loop is blocked well past the slow-call time (a
  // CPU-heavy request): the slow-call timer then fires late, and the answer is read first.
  const blockedUntil = Date.now() + 100
  while (Date.now() < blockedUntil) { /* busy */ }
  t.equal(await answered, false)
})
