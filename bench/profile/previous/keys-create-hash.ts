import { createHash } from 'node:crypto'
import { normalizeInput } from '../../../src/cache/keys.ts'
import type { CacheInput } from '../../../src/cache/keys.ts'

/** hashInput before the profile pointed at it: a Hash object per lookup. Kept for the before/after row. */
export function hashInputWithCreateHash (input: CacheInput): string {
  return createHash('sha256').update(normalizeInput(input)).digest('hex')
}
