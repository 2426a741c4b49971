/**
 * Which parts of a text a reader has already taken. Several patterns may read the same words
 * ("3-5 years" and "5 years"; "high school diploma" and "diploma"); the first to claim them wins.
 * One flag per character keeps each claim proportional to its length, whatever the number of matches.
 */
export class TakenSpans {
  private readonly taken: Uint8Array

  constructor (length: number) {
    this.taken = new Uint8Array(length)
  }

  /** Takes [start, end) and says true, or says false when any of it is already taken. */
  claim (start: number, end: number): boolean {
    if (this.taken.subarray(start, end).includes(1)) return false
    this.taken.fill(1, start, end)
    return true
  }
}
