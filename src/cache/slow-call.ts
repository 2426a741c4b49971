export interface SlowCallWatch {
  /** Stops watching; true when the answer had not arrived by the slow-call time. */
  stop (): boolean
}

/**
 * Tells whether a call's answer was late by the time it arrived, not by the time this process
 * got round to reading it. On a busy event loop (a CPU-heavy request, a starved process) a
 * healthy Redis' reply can sit in the socket for tens of milliseconds: counted as slow, it would
 * open the circuit on a process that is merely busy. So, as for the deadline, when the timer
 * fires the poll phase gets one turn to read a reply already waiting before the call is marked
 * slow (timers run before poll; setImmediate runs after it).
 */
export function watchSlowCall (slowCallMs: number): SlowCallWatch {
  let slow = false
  let check: NodeJS.Immediate | undefined
  const timer = setTimeout(() => { check = setImmediate(() => { slow = true }) }, slowCallMs)
  return {
    stop: () => {
      clearTimeout(timer)
      if (check !== undefined) clearImmediate(check)
      return slow
    }
  }
}
