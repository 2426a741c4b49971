import { Type } from 'typebox'
import { ClientError } from '../../src/client-error.ts'

export const TEXT_DESCRIPTION = 'Plain text, up to MAX_TEXT_BYTES (100 kB by default) of UTF-8'

export const TextBody = Type.Object({
  text: Type.String({ minLength: 1, description: TEXT_DESCRIPTION })
}, { additionalProperties: false })

/**
 * The checks a schema cannot express with a useful message: blank text is a 400 that says so,
 * and an over-long text is a 413 (the limit is in bytes, as clients send bytes).
 */
export function requireText (text: string, field: string, maxBytes: number): string {
  if (text.trim() === '') throw new ClientError(400, `${field} must not be empty or only white space`)
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > maxBytes) {
    throw new ClientError(413, `${field} is ${bytes} bytes of UTF-8; the limit is ${maxBytes} bytes. Send a shorter text.`)
  }
  return text
}
