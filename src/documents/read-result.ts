/**
 * What reading a document's bytes gives: its text, or the reason it has none. A value, not an
 * exception, because it crosses from a worker thread (where thrown errors lose their class)
 * and because the reason is what the route turns into a status, a message and a metric label.
 */
export type ReadFailureReason =
  /** Not the format it claims to be, or broken inside. */
  | 'corrupt'
  /** A PDF with a user password. */
  | 'encrypted'
  /** More pages than MAX_DOCUMENT_PAGES. */
  | 'too_many_pages'
  /** Declares, or inflates to, more than MAX_DOCUMENT_INFLATED_BYTES, or has too many archive entries. */
  | 'too_large'
  /** More text than MAX_EXTRACTED_TEXT_BYTES. */
  | 'text_too_large'
  /** Over the per-task time budget: the worker was terminated. */
  | 'timeout'
  /** Over the worker's heap limit: the worker died and was replaced. */
  | 'out_of_memory'

export type ReadResult = { ok: true, text: string } | { ok: false, reason: ReadFailureReason }

export type DocumentFormat = 'pdf' | 'docx'

/** The caps a reader checks before and while it inflates (see DocumentsConfig). */
export interface ReadLimits {
  maxPages: number
  maxExtractedTextBytes: number
  maxInflatedBytes: number
  maxArchiveEntries: number
}

/** Reads a document's bytes within the caps (the extraction pool). */
export interface DocumentReader {
  readonly limits: ReadLimits
  read (format: DocumentFormat, data: Buffer): Promise<ReadResult>
}

export function readFailure (reason: ReadFailureReason): ReadResult {
  return { ok: false, reason }
}
