import { readFailure } from './read-result.ts'
import type { ReadLimits, ReadResult } from './read-result.ts'
import { inflateEntry, readZipDirectory } from './zip-directory.ts'

const MAIN_PART = 'word/document.xml'

/**
 * The text of a Word document, read from its structure rather than flattened: a paragraph ends
 * in a blank line; a soft line break (`<w:br/>`, `<w:cr/>`, Shift+Enter) is a newline and a tab a
 * tab, so that words either side are never glued; table cells come in reading order, row by
 * row: one-line cells side by side as `a | b | c`, cells holding several lines (two-column
 * layouts) one after the other. Text boxes are read once (their VML fallback copy is skipped),
 * deleted revisions and field codes not at all.
 *
 * The archive's central directory is checked first (entry count, declared sizes), and only the
 * main part is inflated, capped at its declared size.
 */
export function readDocx (data: Buffer, limits: ReadLimits): ReadResult {
  const directory = readZipDirectory(data, limits.maxArchiveEntries, limits.maxInflatedBytes)
  if (!directory.ok) return readFailure(directory.reason)
  const main = directory.entries.find((entry) => entry.name === MAIN_PART)
  if (main === undefined) return readFailure('corrupt')
  const xml = inflateEntry(data, main)
  if (!xml.ok) return readFailure(xml.reason)
  return documentText(xml.bytes.toString('utf8'), limits.maxExtractedTextBytes)
}

/** One `<…>` tag or one run of character data: a linear scan, whatever the input. */
const TOKENS = /<[^>]*>|[^<]+/g
const TAG = /^<(\/?)([A-Za-z0-9_:.-]+)([^>]*?)(\/?)>$/s
const SYMBOL_CHAR = /\bw:char="([0-9A-Fa-f]{1,4})"/

interface Row { cells: string[] }

/** Builds the text while walking the tags; each open table cell collects into a buffer of its own. */
class TextBuilder {
  private readonly buffers: string[][] = [[]]
  private readonly rows: Row[] = []
  private length = 0
  private readonly maxLength: number
  private tableDepth = 0

  constructor (maxLength: number) {
    this.maxLength = maxLength
  }

  /** False once the text is longer than the cap (characters never outnumber UTF-8 bytes). */
  add (text: string): boolean {
    this.buffers[this.buffers.length - 1]!.push(text)
    this.length += text.length
    return this.length <= this.maxLength
  }

  endParagraph (): void {
    this.add(this.tableDepth > 0 ? '\n' : '\n\n')
  }

  startTable (): void { this.tableDepth++ }
  /** Each row already ends in a newline; a blank line after the outermost table, as after a paragraph. */
  endTable (): void {
    this.tableDepth = Math.max(0, this.tableDepth - 1)
    if (this.tableDepth === 0) this.add('\n')
  }

  startRow (): void { this.rows.push({ cells: [] }) }
  endRow (): void {
    const row = this.rows.pop()
    if (row === undefined) return
    const cells = row.cells.filter((cell) => cell !== '')
    const sideBySide = cells.every((cell) => !cell.includes('\n'))
    this.add(cells.join(sideBySide ? ' | ' : '\n\n') + '\n')
  }

  startCell (): void { this.buffers.push([]) }
  endCell (): void {
    if (this.buffers.length === 1) return
    const cell = this.buffers.pop()!.join('').trim()
    this.rows[this.rows.length - 1]?.cells.push(cell)
  }

  text (): string {
    return this.buffers[0]!.join('')
  }
}

function documentText (xml: string, maxTextBytes: number): ReadResult {
  const builder = new TextBuilder(maxTextBytes)
  let inText = false
  let runDepth = 0
  let skippedDepth = 0
  for (const [token] of xml.matchAll(TOKENS)) {
    if (token[0] !== '<') {
      if (inText && skippedDepth === 0 && !builder.add(decodeEntities(token))) return readFailure('text_too_large')
      continue
    }
    const tag = TAG.exec(token)
    if (tag === null) continue
    const [, closing, name, attributes, selfClosing] = tag
    const open = closing === '' && selfClosing === ''
    if (name === 'mc:Fallback') {
      if (selfClosing === '') skippedDepth += closing === '' ? 1 : -1
      continue
    }
    if (skippedDepth > 0) continue
    switch (name) {
      case 'w:t': inText = open; break
      case 'w:r': if (selfClosing === '') runDepth += open ? 1 : -1; break
      case 'w:tab': if (runDepth > 0 && !builder.add('\t')) return readFailure('text_too_large'); break
      case 'w:br':
      case 'w:cr': if (runDepth > 0 && !builder.add('\n')) return readFailure('text_too_large'); break
      case 'w:noBreakHyphen': builder.add('-'); break
      case 'w:sym': builder.add(symbol(attributes ?? '')); break
      case 'w:p': if (closing === '/' || selfClosing === '/') builder.endParagraph(); break
      case 'w:tbl': if (closing === '/') builder.endTable(); else if (open) builder.startTable(); break
      case 'w:tr': if (closing === '/') builder.endRow(); else if (open) builder.startRow(); break
      case 'w:tc': if (closing === '/') builder.endCell(); else if (open) builder.startCell(); break
    }
  }
  return { ok: true, text: builder.text() }
}

/** `<w:sym w:font="Symbol" w:char="F0B7"/>`: the character as the font's private-use code point (normalized later). */
function symbol (attributes: string): string {
  const code = SYMBOL_CHAR.exec(attributes)?.[1]
  return code === undefined ? '' : String.fromCharCode(Number.parseInt(code, 16))
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const ENTITY = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([a-z]{2,4}));/g

function decodeEntities (text: string): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (entity, hex: string | undefined, decimal: string | undefined, named: string | undefined) => {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : decimal !== undefined ? Number(decimal) : undefined
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : ''
    return NAMED_ENTITIES[named ?? ''] ?? entity
  })
}
