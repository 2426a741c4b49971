import { PhraseIndex, tokenize } from './phrase-index.ts'

/**
 * Keyword phrases per label with their weight: 3 for a phrase that all but settles it, 1 for a
 * hint. A weight of 0 claims a phrase that contains a keyword but means something else
 * ("bank holiday", "health insurance" in a list of benefits), so the keyword inside it does not count.
 */
export type KeywordTaxonomy<L extends string> = Readonly<Record<L, Readonly<Record<string, number>>>>

interface Vote<L extends string> {
  readonly label: L
  readonly weight: number
}

/** Scores a text against a keyword taxonomy by summing the weights of the keywords it mentions, per label. */
export class KeywordScorer<L extends string> {
  private readonly index = new PhraseIndex<Array<Vote<L>>>()
  private readonly maxRepeats: number

  /** `maxRepeats`: how many mentions of one keyword count, so a long text repeating a word does not drown the others. */
  constructor (taxonomy: KeywordTaxonomy<L>, maxRepeats: number) {
    this.maxRepeats = maxRepeats
    for (const [label, keywords] of Object.entries(taxonomy) as Array<[L, Readonly<Record<string, number>>]>) {
      for (const [phrase, weight] of Object.entries(keywords)) this.votesFor(phrase).push({ label, weight })
    }
    this.index.addPlurals()
  }

  score (text: string): Map<L, number> {
    const scores = new Map<L, number>()
    // Keyed by the votes, which a keyword shares with its plural: "nurse" and "nurses" are one keyword.
    const mentions = new Map<Array<Vote<L>>, number>()
    for (const { value: votes } of this.index.matches(tokenize(text))) {
      const count = (mentions.get(votes) ?? 0) + 1
      mentions.set(votes, count)
      if (count > this.maxRepeats) continue
      for (const { label, weight } of votes) scores.set(label, (scores.get(label) ?? 0) + weight)
    }
    return scores
  }

  private votesFor (phrase: string): Array<Vote<L>> {
    const existing = this.index.get(phrase)
    if (existing !== undefined) return existing
    const votes: Array<Vote<L>> = []
    this.index.set(phrase, votes)
    return votes
  }
}
