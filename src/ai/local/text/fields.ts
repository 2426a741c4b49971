import { stripMarkdown } from './lines.ts'

/** "Label: value" header lines ("Job Title: …", "**Location:** …", "COMPANY: …"). */
export function fieldValue (lines: readonly string[], label: RegExp): string | null {
  for (const line of lines) {
    const match = /^([^:]{1,30}):\s*(\S.*)$/.exec(stripMarkdown(line))
    if (match !== null && label.test((match[1] as string).trim())) return (match[2] as string).trim()
  }
  return null
}
