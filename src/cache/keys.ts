import { hash } from 'node:crypto'

/**
 * Cache keys never contain the input itself (CVs are personal data): only a SHA-256 of its
 * normalized form. Bump KEY_VERSION when the normalization or a cached value's shape changes.
 */
export const KEY_VERSION = 'v1'

export type CacheInput = string | number | boolean | null | readonly CacheInput[] | { readonly [key: string]: CacheInput | undefined }

/**
 * Same meaning, same key: Unicode NFC, trimmed, runs of white space folded to one space. The
 * pattern leaves single spaces alone (the same result as /\s+/ -> ' '): a long text's lookups
 * are a third faster when most of its white space needs no replacing.
 */
export function normalizeText (text: string): string {
  return text.normalize('NFC').trim().replace(/\s{2,}|[^\S ]/g, ' ')
}

/**
 * Inputs hash by content: object key order and string white space do not matter. Everything is
 * JSON-encoded, so the string "1" and the number 1 never share a key.
 */
export function normalizeInput (input: CacheInput): string {
  return JSON.stringify(canonical(input))
}

function canonical (input: CacheInput | undefined): CacheInput | undefined {
  if (typeof input === 'string') return normalizeText(input)
  if (input === null || typeof input !== 'object') return input
  if (Array.isArray(input)) return input.map((item: CacheInput) => canonical(item) ?? null)
  const sorted: Record<string, CacheInput> = {}
  for (const key of Object.keys(input).sort()) {
    const value = canonical((input as Record<string, CacheInput | undefined>)[key])
    if (value !== undefined) sorted[key] = value
  }
  return sorted
}

export function hashInput (input: CacheInput): string {
  // One-shot hash(): no Hash object per lookup, on the path of every L1 hit.
  return hash('sha256', normalizeInput(input))
}

export function namespacePrefix (prefix: string, namespace: string): string {
  return `${prefix}:${namespace}:${KEY_VERSION}:`
}

export function cacheKey (prefix: string, namespace: string, input: CacheInput): string {
  return namespacePrefix(prefix, namespace) + hashInput(input)
}

const NAMESPACE_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/

/** Namespaces become metric labels and key segments: keep them short, fixed identifiers. */
export function assertNamespace (namespace: string): void {
  if (!NAMESPACE_PATTERN.test(namespace)) {
    throw new TypeError(`Invalid cache namespace "${namespace}": use ${NAMESPACE_PATTERN.source}`)
  }
}
