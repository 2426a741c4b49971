import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

export interface CipherKey {
  /** Short name stored in every envelope it seals: tells which key opens it. */
  id: string
  /** 32 bytes (AES-256). */
  key: Buffer
}

export type Opened = { ok: true, text: string } | { ok: false, problem: string }

const MARKER = 'enc1'
const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * Encrypts stored values of the namespaces that hold personal data (AES-256-GCM): the first key
 * seals, every listed key opens, so keys rotate by prepending a new one and dropping the old one
 * once its values have expired. The sealed form is `enc1.<key id>.<iv>.<tag>.<ciphertext>`
 * (base64), authenticated together with the Redis key: a value copied under another key does
 * not open. A value sealed with a key no longer listed does not open either (a `corrupt` miss).
 */
export class EnvelopeCipher {
  private readonly sealing: CipherKey
  private readonly byId: ReadonlyMap<string, Buffer>
  private readonly namespaces: ReadonlySet<string>

  constructor (keys: readonly CipherKey[], namespaces: Iterable<string>) {
    if (keys.length === 0) throw new TypeError('EnvelopeCipher needs at least one key')
    for (const { id, key } of keys) {
      if (key.length !== 32) throw new TypeError(`cache encryption key "${id}" must be 32 bytes`)
      if (id.includes('.')) throw new TypeError(`cache encryption key id "${id}" must not contain "."`)
    }
    this.sealing = keys[0]!
    this.byId = new Map(keys.map(({ id, key }) => [id, key]))
    this.namespaces = new Set(namespaces)
  }

  seals (namespace: string): boolean {
    return this.namespaces.has(namespace)
  }

  seal (text: string, storageKey: string): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.sealing.key, iv)
    cipher.setAAD(Buffer.from(storageKey))
    const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
    return [MARKER, this.sealing.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join('.')
  }

  /** Plain (unsealed) text is handed back as it is: values written before encryption was enabled expire by themselves. */
  open (stored: string, storageKey: string): Opened {
    if (!stored.startsWith(`${MARKER}.`)) return { ok: true, text: stored }
    const [, id, iv, tag, sealed, ...rest] = stored.split('.')
    if (id === undefined || iv === undefined || tag === undefined || sealed === undefined || rest.length > 0) {
      return { ok: false, problem: 'sealed value is malformed' }
    }
    const key = this.byId.get(id)
    if (key === undefined) return { ok: false, problem: 'sealed value has an unknown key id' }
    const ivBytes = Buffer.from(iv, 'base64')
    const tagBytes = Buffer.from(tag, 'base64')
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) return { ok: false, problem: 'sealed value is malformed' }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, ivBytes)
      decipher.setAAD(Buffer.from(storageKey))
      decipher.setAuthTag(tagBytes)
      return { ok: true, text: Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8') }
    } catch {
      return { ok: false, problem: 'sealed value failed authentication' }
    }
  }
}
