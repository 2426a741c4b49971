/** Counting helpers of the eval: ratios that know their denominator, and lenient text comparison. */

export class Ratio {
  hits = 0
  total = 0

  add (hit: boolean): void {
    this.total++
    if (hit) this.hits++
  }

  get value (): number | null {
    return this.total === 0 ? null : this.hits / this.total
  }
}

/** Ratios kept per group (format, profession family), created on first use. */
export class GroupedRatio {
  readonly groups = new Map<string, Ratio>()

  add (group: string, hit: boolean): void {
    let ratio = this.groups.get(group)
    if (ratio === undefined) this.groups.set(group, ratio = new Ratio())
    ratio.add(hit)
  }

  values (): Record<string, number | null> {
    return Object.fromEntries([...this.groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, ratio]) => [group, ratio.value]))
  }
}

/** Precision and recall of predicted sets against true sets, counted over all items (micro average). */
export class SetScore {
  truePositives = 0
  predicted = 0
  actual = 0

  add (predicted: readonly string[], actual: readonly string[], close?: (guess: string, truth: string) => boolean): void {
    const { matched, extra, missed } = compareSets(predicted, actual, close)
    this.truePositives += matched
    this.predicted += matched + extra.length
    this.actual += matched + missed.length
  }

  get precision (): number | null {
    return this.predicted === 0 ? null : this.truePositives / this.predicted
  }

  get recall (): number | null {
    return this.actual === 0 ? null : this.truePositives / this.actual
  }
}

/**
 * Predicted against true items, each used once: exact matches first, then `close` pairs among
 * what is left (two spellings of one unlisted skill).
 */
export function compareSets (predicted: readonly string[], actual: readonly string[], close?: (guess: string, truth: string) => boolean): { matched: number, extra: string[], missed: string[] } {
  const truth = new Set(actual)
  const guesses = new Set(predicted)
  const extra = [...guesses].filter((guess) => !truth.has(guess))
  const missed = [...truth].filter((item) => !guesses.has(item))
  let matched = guesses.size - extra.length
  for (const guess of [...extra]) {
    const at = close === undefined ? -1 : missed.findIndex((item) => close(guess, item))
    if (at >= 0) {
      missed.splice(at, 1)
      extra.splice(extra.indexOf(guess), 1)
      matched++
    }
  }
  return { matched, extra, missed }
}

export class GroupedSetScore {
  readonly groups = new Map<string, SetScore>()

  add (group: string, predicted: readonly string[], actual: readonly string[], close?: (guess: string, truth: string) => boolean): void {
    let score = this.groups.get(group)
    if (score === undefined) this.groups.set(group, score = new SetScore())
    score.add(predicted, actual, close)
  }

  values (): Record<string, { precision: number | null, recall: number | null }> {
    return Object.fromEntries([...this.groups.entries()].sort(([a], [b]) => a.localeCompare(b))
      .map(([group, score]) => [group, { precision: score.precision, recall: score.recall }]))
  }
}

/** Lower case, accents kept, punctuation and runs of spaces folded: how two names are compared. */
export function normalize (text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}+#&]+/gu, ' ').trim()
}

/** Word-overlap F1 of two texts after `normalize`. */
export function tokenF1 (a: string | null | undefined, b: string | null | undefined): number {
  const left = normalize(a).split(' ').filter((word) => word !== '')
  const right = normalize(b).split(' ').filter((word) => word !== '')
  if (left.length === 0 || right.length === 0) return 0
  const pool = [...right]
  let common = 0
  for (const word of left) {
    const at = pool.indexOf(word)
    if (at >= 0) {
      common++
      pool.splice(at, 1)
    }
  }
  return common === 0 ? 0 : 2 * common / (left.length + right.length)
}

/** Same text for a reader: equal after `normalize`, or nearly all words shared (a city or a bracket added). */
export function sameText (predicted: string | null | undefined, actual: string | null | undefined): boolean {
  return normalize(predicted) === normalize(actual) || tokenF1(predicted, actual) >= 0.8
}

export function mean (values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length
}

/** One field a document got wrong, for `npm run eval -- --misses` (dev split only). */
export interface Miss {
  id: string
  field: string
  expected: unknown
  actual: unknown
}

/** Collects misses when asked to; a no-op otherwise, so scoring code records unconditionally. */
export class MissLog {
  readonly misses: Miss[] = []
  private readonly enabled: boolean

  constructor (enabled: boolean) {
    this.enabled = enabled
  }

  check (hit: boolean, miss: Miss): boolean {
    if (!hit && this.enabled) this.misses.push(miss)
    return hit
  }
}
