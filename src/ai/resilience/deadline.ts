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
  let timer: NodeJS.Timeout | undefined
  const pending = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ state: 'pending' }), ms)
  })
  const settled = promise.then(
    (value): Settled<T> => ({ state: 'fulfilled', value }),
    (error: unknown): Settled<T> => ({ state: 'rejected', error })
  )
  try {
    return await Promise.race([settled, pending])
  } finally {
    clearTimeout(timer)
  }
}
