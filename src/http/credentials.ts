import { hash, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'

/**
 * Compares a presented secret with the configured ones in constant time: both sides are hashed
 * first (equal lengths whatever was sent) and every configured secret is compared, so neither
 * the length nor the position of a match shows in the timing.
 */
export class SecretSet {
  private readonly digests: readonly Buffer[]

  constructor (secrets: readonly string[]) {
    this.digests = secrets.map(digest)
  }

  get empty (): boolean {
    return this.digests.length === 0
  }

  /** The index of the matching secret, or -1. */
  indexOf (presented: string | undefined): number {
    if (presented === undefined || presented === '') return -1
    const candidate = digest(presented)
    let found = -1
    this.digests.forEach((known, index) => {
      if (timingSafeEqual(known, candidate) && found === -1) found = index
    })
    return found
  }
}

function digest (secret: string): Buffer {
  return hash('sha256', secret, 'buffer')
}

/** `Authorization: Bearer <token>` → the token; anything else → undefined. */
export function bearerToken (authorization: string | undefined): string | undefined {
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '')
  return match?.[1]
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback: the only peers trusted without a token. */
export function isLoopback (address: string | undefined): boolean {
  if (address === undefined) return false
  const unmapped = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
  if (isIP(unmapped) === 4) return unmapped.startsWith('127.')
  return unmapped === '::1'
}

/**
 * What rate-limit keys say about a client address: a truncated SHA-256, the same on every
 * instance (so that they share counters) and not the address itself. Pseudonymous only (the
 * IPv4 space can be enumerated): the counters it names expire with their window.
 */
export function addressId (address: string): string {
  return hash('sha256', address).slice(0, 32)
}
