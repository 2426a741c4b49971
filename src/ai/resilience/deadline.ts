/** How a promise stood when the wait for it ended. */
export type Settled<T> =
  | { state: 'fulfilled', value: T }
  | { state: 'rejected', error: unknown }
  | { state: 'pending' }

/**
 * Waits for `promise` at most `ms`. A promise still pending then keeps running: the caller has
 * stopped waiting, not the work (the soft timeout). Its later rejection is handled here, so it can
 * never be an unhandled one.
 */
export async function settleWithin<T> (promise: Promise<T>, ms: number): Promise<Settled<T>> {
  const settled = promise.then(
    (value): Settled<T> => ({ state: 'fulfilled', value }),
    (error: unknown): Settled<T> => ({ state: 'rejected', error })
  )
  // Nothing left to wait: no timer, whose turn of a busy event loop could come late.
  // (An already settled promise still wins: its outcome is queued before the marker.)
  if (ms <= 0) return await Promise.race([settled, Promise.resolve().then((): Settled<T> => ({ state: 'pending' }))])
  let timer: NodeJS.Timeout | undefined
  const pending = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ state: 'pending' }), ms)
  })
  try {
    return await Promise.race([settled, pending])
  } finally {
    clearTimeout(timer)
  }
}
