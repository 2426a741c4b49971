import { setImmediate as yieldToEventLoop } from 'node:timers/promises'

/**
 * `items.map(work)` with at most `concurrency` calls in flight, results in input order. Each
 * call starts on a fresh turn of the event loop: when `work` is CPU-bound (a local parser), a
 * batch of hundreds still lets timers and I/O — `/health`, other requests — run between items
 * instead of holding the loop for the whole batch.
 */
export async function mapBounded<T, R> (items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`)
  const results = new Array<R>(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      await yieldToEventLoop()
      results[index] = await work(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane))
  return results
}
