import { inflateRawSync } from 'node:zlib'

/**
 * A ZIP archive's table of contents, read from its central directory without inflating
 * anything: what the archive *declares* (entry count, uncompressed sizes) is checked against
 * the caps before a single byte is inflated, and an entry is then inflated with its declared
 * size as a hard output limit, so a lying header cannot inflate further.
 */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

export type ZipDirectory =
  | { ok: true, entries: ZipEntry[], declaredBytes: number }
  | { ok: false, reason: 'corrupt' | 'too_large' }

const END_OF_DIRECTORY_SIGNATURE = 0x06054b50
const DIRECTORY_ENTRY_SIGNATURE = 0x02014b50
const LOCAL_HEADER_SIGNATURE = 0x04034b50
const END_OF_DIRECTORY_SIZE = 22
const DIRECTORY_ENTRY_SIZE = 46
const LOCAL_HEADER_SIZE = 30
const MAX_COMMENT_LENGTH = 0xffff
/** A ZIP64 archive stores its real sizes elsewhere; a CV never needs one. */
const ZIP64_MARKER = 0xffffffff
const STORED = 0
const DEFLATED = 8
const ENCRYPTED_FLAG = 0x1

export function readZipDirectory (data: Buffer, maxEntries: number, maxDeclaredBytes: number): ZipDirectory {
  const end = findEndOfDirectory(data)
  if (end === -1) return { ok: false, reason: 'corrupt' }
  const count = data.readUInt16LE(end + 10)
  if (count > maxEntries) return { ok: false, reason: 'too_large' }
  let offset = data.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  let declaredBytes = 0
  for (let i = 0; i < count; i++) {
    if (offset + DIRECTORY_ENTRY_SIZE > data.length || data.readUInt32LE(offset) !== DIRECTORY_ENTRY_SIGNATURE) return { ok: false, reason: 'corrupt' }
    const nameLength = data.readUInt16LE(offset + 28)
    const entry: ZipEntry = {
      name: data.toString('utf8', offset + DIRECTORY_ENTRY_SIZE, offset + DIRECTORY_ENTRY_SIZE + nameLength),
      method: data.readUInt16LE(offset + 10),
      compressedSize: data.readUInt32LE(offset + 20),
      uncompressedSize: data.readUInt32LE(offset + 24),
      localHeaderOffset: data.readUInt32LE(offset + 42)
    }
    if ((data.readUInt16LE(offset + 8) & ENCRYPTED_FLAG) !== 0) return { ok: false, reason: 'corrupt' }
    if (entry.uncompressedSize === ZIP64_MARKER || entry.compressedSize === ZIP64_MARKER) return { ok: false, reason: 'too_large' }
    declaredBytes += entry.uncompressedSize
    if (declaredBytes > maxDeclaredBytes) return { ok: false, reason: 'too_large' }
    entries.push(entry)
    offset += DIRECTORY_ENTRY_SIZE + nameLength + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32)
  }
  return { ok: true, entries, declaredBytes }
}

/** The end-of-directory record is the last 22 bytes, unless a comment (at most 64 KiB) follows it. */
function findEndOfDirectory (data: Buffer): number {
  const last = data.length - END_OF_DIRECTORY_SIZE
  for (let offset = last; offset >= 0 && offset >= last - MAX_COMMENT_LENGTH; offset--) {
    if (data.readUInt32LE(offset) === END_OF_DIRECTORY_SIGNATURE) return offset
  }
  return -1
}

/**
 * An entry's bytes, never more than its declared uncompressed size: a deflate stream that would
 * produce more is cut off by zlib (`maxOutputLength`) and reported as `too_large`.
 */
export function inflateEntry (data: Buffer, entry: ZipEntry): { ok: true, bytes: Buffer } | { ok: false, reason: 'corrupt' | 'too_large' } {
  const local = entry.localHeaderOffset
  if (local + LOCAL_HEADER_SIZE > data.length || data.readUInt32LE(local) !== LOCAL_HEADER_SIGNATURE) return { ok: false, reason: 'corrupt' }
  const start = local + LOCAL_HEADER_SIZE + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
  const compressed = data.subarray(start, start + entry.compressedSize)
  if (compressed.length !== entry.compressedSize) return { ok: false, reason: 'corrupt' }
  if (entry.method === STORED) return entry.compressedSize === entry.uncompressedSize ? { ok: true, bytes: compressed } : { ok: false, reason: 'corrupt' }
  if (entry.method !== DEFLATED) return { ok: false, reason: 'corrupt' }
  try {
    // Zero is not a valid limit for zlib; an empty entry inflates to nothing anyway.
    return { ok: true, bytes: inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) }) }
  } catch (error) {
    return { ok: false, reason: error instanceof RangeError ? 'too_large' : 'corrupt' }
  }
}
