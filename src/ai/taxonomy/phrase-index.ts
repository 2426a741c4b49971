/**
 * Word-level phrase lookup shared by the keyword taxonomies (skills, industries, role
 * categories). Text is cut into tokens once and phrases are looked up by their token n-grams
 * in a Map built at load, so matching costs a few Map lookups per word whatever the size of
 * the vocabulary.
 */

export interface Token {
  /** Lower-cased. */
  readonly text: string
  /** Offsets of the token in the original text, so callers can look at its spelling and surroundings. */
  readonly start: number
  readonly end: number
}

export interface PhraseMatch<T> {
  readonly value: T
  /** Token indices, `to` exclusive. */
  readonly from: number
  readonly to: number
}

/**
 * A run of letters and digits, keeping what makes technical names: inner dots (`node.js`,
 * `asp.net`, `3.5`), a leading dot after a non-word (`.net`, but not the last dot of `...and`)
 * and a trailing `++` or `#` (`c++`, `c#`). Anything else (space, hyphen, slash, `&`) separates
 * tokens, so `ci/cd`, `ci-cd` and `ci cd` are all the tokens `ci cd`.
 */
const TOKEN = /(?:(?<![\p{L}\p{N}.])\.)?[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*(?:\+\+|#)?/gu

const PLURALIZABLE = /[a-z]{2}[a-rt-z]$/

export function tokenize (text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({ text: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length })
  }
  return tokens
}

/** The lookup key of a phrase: its tokens joined by single spaces (`"Node.JS "` → `node.js`, `"CI/CD"` → `ci cd`). */
export function phraseKey (phrase: string): string {
  return tokenize(phrase).map((token) => token.text).join(' ')
}

export class PhraseIndex<T> {
  private readonly phrases = new Map<string, T>()
  /** The most tokens a phrase starting with this token has: words that start no phrase cost one lookup. */
  private readonly longestByFirstToken = new Map<string, number>()

  /** Adds or replaces a phrase. */
  set (phrase: string, value: T): void {
    this.setKey(phraseKey(phrase), value)
  }

  /**
   * Also understands the plural (`apis`, `nurses`) of each phrase added so far whose last word
   * has three letters or more and does not end in `s`, unless that plural is a phrase of its own.
   */
  addPlurals (takesPlural: (value: T) => boolean = () => true): void {
    for (const [key, value] of [...this.phrases]) {
      const plural = `${key}s`
      if (PLURALIZABLE.test(key) && takesPlural(value) && !this.phrases.has(plural)) this.setKey(plural, value)
    }
  }

  get (phrase: string): T | undefined {
    return this.phrases.get(phraseKey(phrase))
  }

  /** Leftmost-longest, non-overlapping matches: `machine learning` wins over a `learning` inside it. */
  matches (tokens: readonly Token[]): Array<PhraseMatch<T>> {
    const found: Array<PhraseMatch<T>> = []
    let from = 0
    while (from < tokens.length) {
      const match = this.longestAt(tokens, from)
      if (match === undefined) {
        from++
      } else {
        found.push(match)
        from = match.to
      }
    }
    return found
  }

  private setKey (key: string, value: T): void {
    const words = key.split(' ')
    const first = words[0] as string
    this.phrases.set(key, value)
    this.longestByFirstToken.set(first, Math.max(this.longestByFirstToken.get(first) ?? 0, words.length))
  }

  private longestAt (tokens: readonly Token[], from: number): PhraseMatch<T> | undefined {
    const first = tokens[from] as Token
    const longest = Math.min(this.longestByFirstToken.get(first.text) ?? 0, tokens.length - from)
    for (let length = longest; length > 0; length--) {
      const key = tokens.slice(from, from + length).map((token) => token.text).join(' ')
      const value = this.phrases.get(key)
      if (value !== undefined) return { value, from, to: from + length }
    }
    return undefined
  }
}
