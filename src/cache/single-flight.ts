/**
 * Concurrent callers asking for the same key share one in-flight computation: N simultaneous
 * misses for one key run the expensive work (an AI call, a Redis read) once.
 */
export class SingleFlight {
  private readonly inFlight = new Map<string, Promise<unknown>>()

  run<T> (key: string, work: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key)
    if (pending !== undefined) return pending as Promise<T>
    const started = new Promise<T>((resolve) => resolve(work())).finally(() => this.inFlight.delete(key))
    this.inFlight.set(key, started)
    return started
  }

  get size (): number {
    return this.inFlight.size
  }
}
