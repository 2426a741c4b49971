import { buildTestApp, eventually, redisReady } from './app.ts'
import type { TapTest, TestApp } from './app.ts'
import type { RedisServerHandle } from './redis-server.ts'

export type TwoInstances = [TestApp, TestApp]

/** Resolves true once `count` instances are subscribed to the invalidation channel. */
export function subscribed (redis: RedisServerHandle, count = 2, timeoutMs = 5000): Promise<boolean> {
  return eventually(async () => new RegExp(`\\n${count}$`).test(await redis.command('PUBSUB', 'NUMSUB', 'jobfit:invalidations')), timeoutMs)
}

/** Two instances of the service sharing one Redis, each with its own L1, both subscribed to the bus. */
export async function twoInstances (t: TapTest, redis: RedisServerHandle, env: Record<string, string>): Promise<TwoInstances> {
  const instances: TwoInstances = [await buildTestApp(t, { REDIS_URL: redis.url, ...env }), await buildTestApp(t, { REDIS_URL: redis.url, ...env })]
  for (const { app } of instances) {
    await app.ready()
    t.ok(await redisReady(app))
  }
  t.ok(await subscribed(redis), 'both instances subscribed')
  return instances
}

/** Puts `value` in both instances' L1 (written by one, read through L2 by the other). */
export async function cachedOnBoth ([a, b]: TwoInstances, namespace: string, input: string, value: unknown): Promise<void> {
  a.app.cache.safeSet(namespace, input, value, 3600)
  await a.app.cache.flush()
  await b.app.cache.safeGet(namespace, input)
}
