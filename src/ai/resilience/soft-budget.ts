import { performance } from 'node:perf_hooks'

/**
 * One request's soft timeout. A score waits on up to three rounds of AI calls (parse, then role
 * and industries, then embeddings); with a stale value at hand for each, waiting the soft timeout
 * per round would answer after three of them. So the first wait of a request starts the clock and
 * the later ones get what is left: a request with stale values at hand answers within one soft
 * timeout, whatever the number of its parts.
 */
export class SoftBudget {
  private deadline: number | undefined

  /** How long this wait may last: `softMs`, or less when an earlier wait of the request used some. */
  waitMs (softMs: number): number {
    const now = performance.now()
    this.deadline ??= now + softMs
    return Math.max(0, Math.min(softMs, this.deadline - now))
  }
}
