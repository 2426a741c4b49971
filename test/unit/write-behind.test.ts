import t from 'tap'
import { WriteBehind } from '../../src/cache/write-behind.ts'
import type { QueuedWrite } from '../../src/cache/write-behind.ts'

function write (key: string): QueuedWrite {
  return { namespace: 'ns', write: { key, text: '{}', ttlMs: 1000 }, expiresAt: Date.now() + 1000 }
}

t.test('writes enqueued in one tick go to the writer as one batch', async (t) => {
  const batches: string[][] = []
  const writes = new WriteBehind(async (batch) => { batches.push(batch.map((queued) => queued.write.key)) })
  writes.enqueue([write('a')])
  writes.enqueue([write('b'), write('c')])
  t.same(batches, [], 'nothing is written synchronously')
  await writes.flush()
  t.same(batches, [['a', 'b', 'c']])
})

t.test('writes enqueued across awaits within one turn of the event loop still share a batch', async (t) => {
  const batches: string[][] = []
  const writes = new WriteBehind(async (batch) => { batches.push(batch.map((queued) => queued.write.key)) })
  writes.enqueue([write('a')])
  await Promise.resolve()
  await Promise.resolve()
  writes.enqueue([write('b')])
  await writes.flush()
  t.same(batches, [['a', 'b']])
})

t.test('batches are not merged across ticks', async (t) => {
  const batches: string[][] = []
  const writes = new WriteBehind(async (batch) => { batches.push(batch.map((queued) => queued.write.key)) })
  writes.enqueue([write('a')])
  await new Promise((resolve) => setImmediate(resolve))
  writes.enqueue([write('b')])
  await writes.flush()
  t.same(batches, [['a'], ['b']])
})

t.test('pending counts queued and in-flight writes; flush waits for the writer', async (t) => {
  let release: () => void = () => {}
  let finished = false
  const writes = new WriteBehind(async () => {
    await new Promise<void>((resolve) => { release = resolve })
    finished = true
  })
  writes.enqueue([write('a'), write('b')])
  t.equal(writes.pending, 2, 'queued')
  await new Promise((resolve) => setImmediate(resolve))
  t.equal(writes.pending, 2, 'in flight')
  const flushed = writes.flush()
  release()
  await flushed
  t.equal(finished, true, 'flush resolved after the writer finished')
  t.equal(writes.pending, 0)
})

t.test('a rejecting writer is not an unhandled rejection and flush still resolves', async (t) => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown): void => { unhandled.push(reason) }
  process.on('unhandledRejection', onUnhandled)
  t.teardown(() => { process.off('unhandledRejection', onUnhandled) })
  const writes = new WriteBehind(async () => { throw new Error('writer bug') })
  writes.enqueue([write('a')])
  await new Promise((resolve) => setImmediate(resolve))
  await writes.flush()
  await new Promise((resolve) => setImmediate(resolve))
  t.same(unhandled, [])
  t.equal(writes.pending, 0)
})
