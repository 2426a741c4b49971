import { constants, inflateSync } from 'node:zlib'
import { extractText, getDocumentProxy } from 'unpdf'
import { readFailure } from './read-result.ts'
import type { ReadLimits, ReadResult } from './read-result.ts'

/** A page object's type entry (not `/Pages`, the tree's inner nodes). */
const PAGE_OBJECT = /\/Type\s*\/Page(?![A-Za-z0-9])/g
const STREAM_KEYWORD = Buffer.from('stream', 'latin1')
const END_PREFIX = Buffer.from('end', 'latin1')

/**
 * The text of a PDF, pages in order. Before PDF.js sees it, the page objects written in the
 * clear are counted against MAX_DOCUMENT_PAGES (PDF.js alone needs seconds just to open a
 * 50,000-page file), and every Flate stream is inflated once against the remaining
 * MAX_DOCUMENT_INFLATED_BYTES (zlib stops at the cap, so a 1 GB content stream costs at most
 * the cap, never 1 GB). Pages hidden in compressed object streams are counted by PDF.js before
 * any page is read.
 */
export async function readPdf (data: Buffer, limits: ReadLimits): Promise<ReadResult> {
  if (countPageObjects(data) > limits.maxPages) return readFailure('too_many_pages')
  if (flateStreamsExceed(data, limits.maxInflatedBytes)) return readFailure('too_large')
  let text: string
  try {
    // A copy: PDF.js may take over (detach) the buffer it is given. Verbosity 0: errors only.
    const pdf = await getDocumentProxy(new Uint8Array(data), { verbosity: 0 })
    try {
      if (pdf.numPages > limits.maxPages) return readFailure('too_many_pages')
      text = (await extractText(pdf, { mergePages: true })).text
    } finally {
      await pdf.loadingTask.destroy()
    }
  } catch (error) {
    return readFailure(error instanceof Error && error.name === 'PasswordException' ? 'encrypted' : 'corrupt')
  }
  return Buffer.byteLength(text, 'utf8') > limits.maxExtractedTextBytes ? readFailure('text_too_large') : { ok: true, text }
}

function countPageObjects (data: Buffer): number {
  let count = 0
  for (const _ of data.toString('latin1').matchAll(PAGE_OBJECT)) count++
  return count
}

/**
 * Whether the document's Flate streams inflate to more than `maxBytes` in all. Each `stream`
 * keyword's data is inflated up to the bytes still allowed; the data is not cut at `endstream`
 * (a crafted stream could hide that word inside its compressed bytes): zlib stops by itself at
 * the end of the deflate data, and a non-zlib stream (a JPEG, a font in another filter) fails
 * on its first bytes. Partial output counts too (sync flush), so a truncated bomb is caught.
 */
function flateStreamsExceed (data: Buffer, maxBytes: number): boolean {
  let remaining = maxBytes
  let from = 0
  for (;;) {
    const keyword = data.indexOf(STREAM_KEYWORD, from)
    if (keyword === -1) return false
    from = keyword + STREAM_KEYWORD.length
    if (keyword >= END_PREFIX.length && data.subarray(keyword - END_PREFIX.length, keyword).equals(END_PREFIX)) continue
    const start = data[from] === 0x0d ? from + 2 : from + 1
    if (start >= data.length) return false
    let inflated: Buffer
    try {
      inflated = inflateSync(data.subarray(start), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: remaining + 1 })
    } catch (error) {
      if (error instanceof RangeError) return true
      continue
    }
    remaining -= inflated.length
    if (remaining < 0) return true
  }
}
