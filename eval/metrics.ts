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

  /** `close` pairs what is left after exact matches (each side used once): two spellings of one unlisted skill. */
  add (predicted: readonly string[], actual: readonly string[], close?: (guess: string, truth: string) => boolean): void {
    const truth = new Set(actual)
    const guesses = new Set(predicted)
    this.predicted += guesses.size
    this.actual += truth.size
    const leftGuesses = [...guesses].filter((guess) => !truth.has(guess))
    const leftTruth = [...truth].filter((item) => !guesses.has(item))
    this.truePositives += guesses.size - leftGuesses.length
    if (close === undefined) return
    for (const guess of leftGuesses) {
      const at = leftTruth.findIndex((item) => close(guess, item))
      if (at >= 0) {
        leftTruth.splice(at, 1)
        this.truePositives++
      }
    }
  }

  get precision (): number | null {
    return this.predicted === 0 ? null : this.truePositives / this.predicted
  }

  get recall (): number | null {
    return this.actual === 0 ? null : this.truePositives / this.actual
  }
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
