/**
 * Keeps a storm of identical warnings (a dead Redis under load fails every request) from
 * flooding the log: the first occurrence of a warning is emitted at once, later identical ones
 * are only counted, and at most one summary carrying that count is emitted per interval. A
 * warning that has not recurred for a whole interval is emitted in full again.
 */
export type EmitWarning = (suppressed: number) => void

interface Window {
  startedAt: number
  suppressed: number
  emit: EmitWarning
  timer: NodeJS.Timeout | undefined
}

export interface WarningCoalescerOptions {
  intervalMs: number
  now?: () => number
}

export class WarningCoalescer {
  private readonly intervalMs: number
  private readonly now: () => number
  private readonly windows = new Map<string, Window>()

  constructor (options: WarningCoalescerOptions) {
    this.intervalMs = options.intervalMs
    this.now = options.now ?? Date.now
  }

  /** `emit(0)` is the warning itself; `emit(n)` with n > 0 is the summary of n suppressed repeats. */
  warn (identity: string, emit: EmitWarning): void {
    const window = this.windows.get(identity)
    if (window !== undefined && window.suppressed > 0 && this.expired(window)) {
      // The summary timer is late (a busy event loop): close the window now; this repeat
      // is counted in the next one rather than emitted in full.
      this.summarize(identity, window)
    }
    if (window === undefined || this.intervalMs === 0 || (window.suppressed === 0 && this.expired(window))) {
      this.windows.set(identity, { startedAt: this.now(), suppressed: 0, emit, timer: undefined })
      emit(0)
      return
    }
    window.suppressed++
    window.emit = emit
    window.timer ??= setTimeout(() => this.summarize(identity, window), window.startedAt + this.intervalMs - this.now()).unref()
  }

  private expired (window: Window): boolean {
    return this.now() - window.startedAt >= this.intervalMs
  }

  /** Emits every pending summary now (on shutdown). */
  flush (): void {
    for (const [identity, window] of this.windows) this.summarize(identity, window)
    this.windows.clear()
  }

  /** Ends a window: its summary (if anything was suppressed) opens the next window. */
  private summarize (identity: string, window: Window): void {
    clearTimeout(window.timer)
    window.timer = undefined
    if (window.suppressed === 0) {
      this.windows.delete(identity)
      return
    }
    window.emit(window.suppressed)
    window.suppressed = 0
    window.startedAt = this.now()
  }
}
