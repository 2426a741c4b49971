import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Test } from 'tap'
import { WarningCoalescer } from '../../src/observability/warning-coalescer.ts'

/** A coalescer on a hand-driven clock, and the `suppressed` argument of every emit, per identity. */
function setup (t: Test, intervalMs: number, now?: () => number): { coalescer: WarningCoalescer, warn: (identity: string) => void, emitted: Record<string, number[]> } {
  const coalescer = new WarningCoalescer(now === undefined ? { intervalMs } : { intervalMs, now })
  t.teardown(() => coalescer.flush()) // clears pending timers
  const emitted: Record<string, number[]> = {}
  const warn = (identity: string): void => coalescer.warn(identity, (suppressed) => { (emitted[identity] ??= []).push(suppressed) })
  return { coalescer, warn, emitted }
}

t.test('the first warning is emitted at once, repeats within the interval are not', async (t) => {
  const clock = { now: 0 }
  const { warn, emitted } = setup(t, 1000, () => clock.now)
  warn('a')
  t.same(emitted.a, [0])
  for (clock.now = 1; clock.now < 1000; clock.now += 100) warn('a')
  t.same(emitted.a, [0])
})

t.test('after the interval one summary carries the count of suppressed repeats', async (t) => {
  const { warn, emitted } = setup(t, 20)
  for (let i = 0; i < 6; i++) warn('a')
  t.same(emitted.a, [0])
  await sleep(60)
  t.same(emitted.a, [0, 5])
})

t.test('flush() emits pending summaries', async (t) => {
  const clock = { now: 0 }
  const { coalescer, warn, emitted } = setup(t, 1000, () => clock.now)
  warn('a')
  warn('a')
  warn('a')
  warn('b')
  coalescer.flush()
  t.same(emitted, { a: [0, 2], b: [0] }, 'b had nothing suppressed: no summary')
})

t.test('different identities are independent', async (t) => {
  const clock = { now: 0 }
  const { coalescer, warn, emitted } = setup(t, 1000, () => clock.now)
  warn('a')
  warn('b')
  warn('a')
  warn('b')
  warn('b')
  t.same(emitted, { a: [0], b: [0] })
  coalescer.flush()
  t.same(emitted, { a: [0, 1], b: [0, 2] })
})

t.test('intervalMs 0 emits every warning in full', async (t) => {
  const { warn, emitted } = setup(t, 0)
  for (let i = 0; i < 3; i++) warn('a')
  t.same(emitted.a, [0, 0, 0])
})

t.test('after a quiet full interval the next occurrence is emitted in full again', async (t) => {
  const clock = { now: 0 }
  const { warn, emitted } = setup(t, 1000, () => clock.now)
  warn('a')
  clock.now = 1000
  warn('a')
  t.same(emitted.a, [0, 0])
})

t.test('after a summary and a quiet full interval, the next occurrence is emitted in full', async (t) => {
  const { warn, emitted } = setup(t, 20)
  warn('a')
  warn('a')
  await sleep(60) // summary at ~20 ms, then quiet until ~60 ms
  t.same(emitted.a, [0, 1])
  warn('a')
  t.same(emitted.a, [0, 1, 0])
})

t.test('a storm that outruns the summary timer still gets only a summary per interval', async (t) => {
  // The summary timer can fire late (a busy event loop); a repeat seen past the interval
  // end must then close the window with its summary, not also log the warning in full.
  const clock = { now: 0 }
  const { warn, emitted } = setup(t, 1000, () => clock.now)
  warn('a')
  clock.now = 500
  warn('a')
  clock.now = 1001 // only 501 ms since the last repeat: the warning has not been quiet for an interval
  warn('a')
  t.same(emitted.a, [0, 1], 'the summary, and the new repeat counted rather than logged in full')
})
