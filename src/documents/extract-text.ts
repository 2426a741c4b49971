import { ClientError } from '../client-error.ts'
import type { DocumentFormat, DocumentReader, ReadFailureReason, ReadLimits } from './read-result.ts'

/**
 * An upload we cannot (or will not) read text from: 422, or 413 for more text than we read.
 * The message is written for the client and names the problem only: it never quotes the
 * document. `refusal` is set when a reader refused it: its reason is the metric label and log field.
 */
export class UnreadableDocumentError extends ClientError {
  readonly refusal: Refusal | undefined

  constructor (message: string, refusal?: Refusal, statusCode = 422) {
    super(statusCode, message)
    this.refusal = refusal
  }
}

export interface Refusal {
  format: DocumentFormat
  reason: ReadFailureReason
}

export interface UploadedFile {
  data: Buffer
  filename: string | undefined
  mimetype: string | undefined
}

type DocumentKind = 'pdf' | 'docx' | 'txt'

const UPLOAD_INSTEAD = 'upload a PDF, DOCX or TXT CV'
const EMPTY = 'The file is empty'
const PDF_UNREADABLE = 'The PDF file is corrupt or not a PDF'
const PDF_ENCRYPTED = 'The PDF is password-protected; upload a copy without a password'
const DOCX_UNREADABLE = 'The DOCX file is corrupt or not a Word document'
const TOO_COMPLEX = 'The document is too large or too complex to read; send a smaller PDF or DOCX, or a text version'
const TXT_UNREADABLE = 'The TXT file is not valid UTF-8 text'
const NOT_A_DOCUMENT = `The file is not a PDF, DOCX or text document; ${UPLOAD_INSTEAD}`
const NO_TEXT: Readonly<Record<DocumentKind, string>> = {
  pdf: 'The PDF has no extractable text (is it a scanned image?)',
  docx: 'The DOCX file has no text',
  txt: 'The TXT file has no text'
}

/** PDF readers accept the header anywhere in the first KiB. */
const PDF_HEADER_WINDOW = 1024
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1')
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1')
const DOCX_MAIN_PART = Buffer.from('word/document.xml', 'latin1')

/** Formats people upload by mistake, named in the error so they know what to change. */
const OTHER_FORMATS = [
  format('\x89PNG\r\n\x1a\n', 'a PNG image'),
  format('\xff\xd8\xff', 'a JPEG image'),
  format('GIF8', 'a GIF image'),
  format('WEBP', 'a WebP image', 8),
  format('II*\x00', 'a TIFF image'),
  format('MM\x00*', 'a TIFF image'),
  format('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', 'a legacy Office document (.doc)'),
  format('{\\rtf', 'an RTF document'),
  format('PK\x03\x04', 'a ZIP archive'),
  format('\x1f\x8b', 'a gzip archive')
]

function format (magic: string, description: string, offset = 0): { magic: Buffer, description: string, offset: number } {
  return { magic: Buffer.from(magic, 'latin1'), description, offset }
}

const DECLARED_BY_MIMETYPE = new Map<string, DocumentKind>([
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx']
])
const DECLARED_BY_EXTENSION = new Map<string, DocumentKind>([['pdf', 'pdf'], ['docx', 'docx'], ['txt', 'txt'], ['text', 'txt'], ['md', 'txt']])

/**
 * The text of an uploaded CV (PDF, DOCX or plain text), normalized: NFC, LF line ends, no NULs,
 * no trailing spaces, at most two blank lines in a row, private-use bullet glyphs as "•". The
 * bytes decide the type; the declared mimetype or extension only when the bytes are not clearly
 * a PDF, a DOCX or another known format. PDF and DOCX files are read by `reader` (the worker
 * pool), within its caps. Throws UnreadableDocumentError (422) for anything it cannot read, a
 * 413 when the document holds more text than MAX_EXTRACTED_TEXT_BYTES.
 */
export async function extractText (file: UploadedFile, reader: DocumentReader): Promise<string> {
  if (file.data.length === 0) throw new UnreadableDocumentError(EMPTY)
  const kind = documentKind(file)
  const text = normalizeText(kind === 'txt' ? readTxt(file) : await readDocument(kind, file.data, reader))
  if (text === '') throw new UnreadableDocumentError(NO_TEXT[kind])
  return text
}

function documentKind (file: UploadedFile): DocumentKind {
  const { data } = file
  if (data.subarray(0, PDF_HEADER_WINDOW).includes(PDF_MAGIC)) return 'pdf'
  if (startsWith(data, ZIP_MAGIC, 0) && data.includes(DOCX_MAIN_PART)) return 'docx'
  const declared = declaredKind(file)
  const other = OTHER_FORMATS.find((format) => startsWith(data, format.magic, format.offset))
  // A .docx that is a ZIP without a Word document in it is a broken DOCX rather than "a ZIP archive".
  if (other !== undefined && !(other.magic.equals(ZIP_MAGIC) && declared === 'docx')) {
    throw new UnreadableDocumentError(`The uploaded file is ${other.description}; ${UPLOAD_INSTEAD}`)
  }
  if (declared === 'pdf') throw new UnreadableDocumentError(PDF_UNREADABLE)
  if (declared === 'docx') throw new UnreadableDocumentError(DOCX_UNREADABLE)
  return 'txt'
}

/** What the client says the file is: its mimetype, else its extension (browsers often send application/octet-stream). */
function declaredKind (file: UploadedFile): DocumentKind | undefined {
  const mimetype = file.mimetype?.split(';')[0]?.trim().toLowerCase() ?? ''
  const extension = /\.([^.]+)$/.exec(file.filename ?? '')?.[1]?.toLowerCase() ?? ''
  return mimetype.startsWith('text/') ? 'txt' : DECLARED_BY_MIMETYPE.get(mimetype) ?? DECLARED_BY_EXTENSION.get(extension)
}

function startsWith (data: Buffer, magic: Buffer, offset: number): boolean {
  return data.subarray(offset, offset + magic.length).equals(magic)
}

async function readDocument (format: DocumentFormat, data: Buffer, reader: DocumentReader): Promise<string> {
  const result = await reader.read(format, data)
  if (!result.ok) throw failureError(format, result.reason, reader.limits)
  return result.text
}

function failureError (format: DocumentFormat, reason: ReadFailureReason, limits: ReadLimits): UnreadableDocumentError {
  const refusal = { format, reason }
  switch (reason) {
    case 'corrupt': return new UnreadableDocumentError(format === 'pdf' ? PDF_UNREADABLE : DOCX_UNREADABLE, refusal)
    case 'encrypted': return new UnreadableDocumentError(PDF_ENCRYPTED, refusal)
    case 'too_many_pages': return new UnreadableDocumentError(`The PDF has more than ${limits.maxPages} pages; send a shorter CV or a text version`, refusal)
    case 'text_too_large': return new UnreadableDocumentError(`The document holds more than ${limits.maxExtractedTextBytes} bytes of text; send a shorter CV`, refusal, 413)
    case 'too_large':
    case 'timeout':
    case 'out_of_memory': return new UnreadableDocumentError(TOO_COMPLEX, refusal)
  }
}

/** More control characters than this share of the text means a binary file, even if it decodes. */
const MAX_CONTROL_CHARACTER_SHARE = 0.01
const CONTROL_CHARACTERS = /[\x00-\x08\x0e-\x1f\x7f]/g

function readTxt (file: UploadedFile): string {
  const text = decodeText(file.data)
  if (text === undefined) throw new UnreadableDocumentError(declaredKind(file) === 'txt' ? TXT_UNREADABLE : NOT_A_DOCUMENT)
  return text
}

/** UTF-8, or UTF-16 when a byte-order mark says so; the mark itself is dropped. Undefined for binary data. */
function decodeText (data: Buffer): string | undefined {
  const encoding = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : 'utf-8'
  let text: string
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(data)
  } catch {
    return undefined
  }
  const controls = text.match(CONTROL_CHARACTERS)?.length ?? 0
  return controls <= text.length * MAX_CONTROL_CHARACTER_SHARE ? text : undefined
}

/**
 * Symbol and Wingdings bullets that PDF and DOCX files carry as private-use code points
 * (U+F0B7 is Symbol's bullet; the others are Wingdings' square, diamond, arrowhead and tick
 * bullets). Every other private-use character is a glyph with no meaning as text: dropped.
 */
const BULLET_GLYPHS = /[\uf0b7\uf0a7\uf0a8\uf06e\uf06c\uf076\uf0d8\uf0fc\uf0e0\uf0e8\uf0a1\uf09f]/g
const PRIVATE_USE = /[\ue000-\uf8ff]/g

function normalizeText (text: string): string {
  return text
    .normalize('NFC')
    .replace(BULLET_GLYPHS, '•')
    .replace(PRIVATE_USE, '')
    .replace(/\0/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{4,}/g, '\n\n\n')
    .trim()
}
