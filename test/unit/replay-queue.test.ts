import t from 'tap'
import { ReplayQueue } from '../../src/cache/replay-queue.ts'
import type { LostWrite, ReplayDropReason, ReplayKind } from '../../src/cache/replay-queue.ts'

const NOW = 1_000_000

function write (key: string, text = 'v', expiresAt = NOW + 60_000): LostWrite {
  return { key, text, expiresAt }
}

function queue (max = { writes: 100, invalidations: 100 }): { queue: ReplayQueue, drops: Array<[ReplayKind, ReplayDropReason, number]>, clock: { now: number } } {
  const drops: Array<[ReplayKind, ReplayDropReason, number]> = []
  const clock = { now: NOW }
  const subject = new ReplayQueue({
    maxWrites: max.writes,
    maxInvalidations: max.invalidations,
    now: () => clock.now,
    onDrop: (kind, reason, count) => drops.push([kind, reason, count])
  })
  return { queue: subject, drops, clock }
}

t.test('last write wins per key, and moves to the end of the queue', async (t) => {
  const { queue: subject } = queue()
  subject.addWrites([write('a', '1'), write('b', '1')])
  subject.addWrites([write('a', '2')])
  t.same(subject.writesToReplay().map((entry) => [entry.key, entry.text]), [['b', '1'], ['a', '2']])
  t.equal(subject.pendingWrites, 2)
})

t.test('a full write queue drops its oldest writes, counted as overflow', async (t) => {
  const { queue: subject, drops } = queue({ writes: 2, invalidations: 2 })
  subject.addWrites([write('a'), write('b'), write('c')])
  t.same(subject.writesToReplay().map((entry) => entry.key), ['b', 'c'])
  t.same(drops, [['write', 'overflow', 1]])
})

t.test('expired writes are not replayed, counted as expired', async (t) => {
  const { queue: subject, drops, clock } = queue()
  subject.addWrites([write('short', 'v', NOW + 10), write('long', 'v', NOW + 60_000)])
  clock.now = NOW + 10
  t.same(subject.writesToReplay().map((entry) => entry.key), ['long'])
  t.same(drops, [['write', 'expired', 1]])
  t.equal(subject.pendingWrites, 1, 'the expired write left the queue')
})

t.test('a delete cancels the pending write of its key; a clear those of its namespace', async (t) => {
  const { queue: subject } = queue()
  subject.addWrites([write('p:domain:a'), write('p:domain:b'), write('p:cv:c')])
  subject.addInvalidation({ kind: 'delete', key: 'p:domain:a' })
  t.same(subject.writesToReplay().map((entry) => entry.key), ['p:domain:b', 'p:cv:c'])
  subject.cancelWrites({ kind: 'clear', prefix: 'p:domain:' })
  t.same(subject.writesToReplay().map((entry) => entry.key), ['p:cv:c'])
})

t.test('last invalidation wins per key or namespace; a clear covers the deletes inside it', async (t) => {
  const { queue: subject } = queue()
  subject.addInvalidation({ kind: 'delete', key: 'p:domain:a' })
  subject.addInvalidation({ kind: 'delete', key: 'p:cv:b' })
  subject.addInvalidation({ kind: 'delete', key: 'p:cv:b' })
  subject.addInvalidation({ kind: 'clear', prefix: 'p:domain:' })
  subject.addInvalidation({ kind: 'clear', prefix: 'p:domain:' })
  t.same(subject.invalidationsToReplay(), [{ kind: 'delete', key: 'p:cv:b' }, { kind: 'clear', prefix: 'p:domain:' }])
  t.equal(subject.pendingInvalidations, 2)
})

t.test('a full invalidation queue drops its oldest, counted as overflow', async (t) => {
  const { queue: subject, drops } = queue({ writes: 2, invalidations: 1 })
  subject.addInvalidation({ kind: 'delete', key: 'a' })
  subject.addInvalidation({ kind: 'delete', key: 'b' })
  t.same(subject.invalidationsToReplay(), [{ kind: 'delete', key: 'b' }])
  t.same(drops, [['invalidation', 'overflow', 1]])
})

t.test('settling removes what was replayed, but not a newer entry queued meanwhile', async (t) => {
  const { queue: subject } = queue()
  subject.addWrites([write('a', '1'), write('b', '1')])
  const replayed = subject.writesToReplay()
  subject.addWrites([write('a', '2')])
  subject.settleWrites(replayed)
  t.same(subject.writesToReplay().map((entry) => [entry.key, entry.text]), [['a', '2']], 'the newer write of a stays')

  const clear = { kind: 'clear', prefix: 'p:' } as const
  subject.addInvalidation(clear)
  const [pending] = subject.invalidationsToReplay()
  subject.addInvalidation({ kind: 'clear', prefix: 'p:' })
  subject.settleInvalidation(pending!)
  t.equal(subject.pendingInvalidations, 1, 'the clear queued during the replay stays')
  subject.settleInvalidation(subject.invalidationsToReplay()[0]!)
  t.equal(subject.pendingInvalidations, 0)
  subject.settleWrites(subject.writesToReplay())
  t.equal(subject.empty, true)
})
