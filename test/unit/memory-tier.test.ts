import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { MemoryTier } from '../../src/cache/memory-tier.ts'

const MINUTE = 60_000

function tier (maxEntries = 100, maxBytes = 100_000): MemoryTier {
  return new MemoryTier({ maxEntries, maxBytes })
}

t.test('get, set and delete', async (t) => {
  const l1 = tier()
  t.equal(l1.get('k'), undefined)
  l1.set('k', { v: 1 }, MINUTE, 10)
  t.same(l1.get('k'), { v: 1 })
  t.equal(l1.delete('k'), true)
  t.equal(l1.get('k'), undefined)
  t.equal(l1.delete('k'), false)
})

t.test('an entry expires after its TTL', async (t) => {
  const l1 = tier()
  l1.set('short', 'v', 30, 10)
  l1.set('long', 'v', MINUTE, 10)
  await sleep(60)
  t.equal(l1.get('short'), undefined)
  t.equal(l1.get('long'), 'v')
})

t.test('a TTL of zero or less stores nothing', async (t) => {
  const l1 = tier()
  l1.set('zero', 'v', 0, 10)
  l1.set('negative', 'v', -5, 10)
  t.equal(l1.entries, 0)
})

t.test('the entry count is bounded, least recently used goes first', async (t) => {
  const l1 = tier(3)
  for (const key of ['a', 'b', 'c']) l1.set(key, key, MINUTE, 1)
  l1.get('a')
  l1.set('d', 'd', MINUTE, 1)
  t.equal(l1.entries, 3)
  t.equal(l1.get('b'), undefined, 'b was the least recently used')
  t.equal(l1.get('a'), 'a')
})

t.test('the byte bound holds at every step', async (t) => {
  const maxBytes = 10_000
  const l1 = tier(10_000, maxBytes)
  let total = 0
  let overflows = 0
  for (let i = 0; i < 2000; i++) {
    const size = 100 + (i * 7919) % 4000
    total += size
    l1.set(`k${i % 50}`, i, MINUTE, size) // new keys and overwrites with a different size
    if (l1.bytes > maxBytes) overflows++
  }
  t.ok(total > 100 * maxBytes, 'far more was inserted than fits')
  t.equal(overflows, 0, 'bytes never exceeded maxBytes')
  t.ok(l1.entries > 0)
})

t.test('an entry larger than maxBytes is not stored', async (t) => {
  const l1 = tier(100, 1000)
  l1.set('small', 's', MINUTE, 100)
  l1.set('huge', 'h', MINUTE, 1001)
  t.equal(l1.get('huge'), undefined)
  t.equal(l1.get('small'), 's', 'and it evicts nothing')
  t.equal(l1.bytes, 100)
})

t.test('null is cacheable and distinct from a miss', async (t) => {
  const l1 = tier()
  l1.set('nothing', null, MINUTE, 10)
  t.equal(l1.get('nothing'), null)
  t.equal(l1.get('absent'), undefined)
})

t.test('deleteByPrefix removes exactly the matching entries', async (t) => {
  const l1 = tier()
  for (const key of ['app:a:v1:1', 'app:a:v1:2', 'app:ab:v1:1', 'app:b:v1:1']) l1.set(key, key, MINUTE, 10)
  t.equal(l1.deleteByPrefix('app:a:v1:'), 2)
  t.same([l1.get('app:a:v1:1'), l1.get('app:a:v1:2')], [undefined, undefined])
  t.equal(l1.get('app:ab:v1:1'), 'app:ab:v1:1')
  t.equal(l1.get('app:b:v1:1'), 'app:b:v1:1')
  t.equal(l1.entries, 2)
})
