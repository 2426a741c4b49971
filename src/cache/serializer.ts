/**
 * The stored form of a cached value: a small JSON envelope carrying a format version and the
 * absolute expiry (so an L2 hit can be copied into L1 with the remaining TTL, not a fresh one).
 * Float32Array values (embeddings) are stored as base64 of their bytes: a 768-dim vector is
 * 4 KiB instead of ~15 KiB of JSON numbers, and decodes without parsing 768 floats.
 * A `FailSafeEntry` adds its logical expiry (`f`), its fail-safe mark (`s`) and the usage its
 * computation cost (`u`); it decodes back into a `FailSafeEntry`, so the shape check sees it whole.
 */
import { FailSafeEntry } from './fail-safe-entry.ts'

/** 2: logical expiry and grace (fail-safe). A version-1 entry is a clean miss, rewritten on its next compute. */
export const FORMAT_VERSION = 2

export type CacheValue = unknown

/** A caller-supplied shape check: a stored value that fails it is treated as corrupt. */
export type Validator<T> = (value: unknown) => value is T

interface JsonEnvelope {
  v: number
  /** Absolute expiry, epoch milliseconds. */
  x: number
  d?: unknown
  f32?: string
  /** Fail-safe entries: logical expiry, epoch milliseconds. */
  f?: number
  /** Fail-safe entries: 1 when re-cached after the source failed. */
  s?: 1
  /** Fail-safe entries: input and output tokens the computation cost. */
  u?: [number, number]
}

export interface Encoded {
  text: string
  expiresAt: number
}

export type Decoded<T> =
  | { ok: true, value: T, expiresAt: number }
  | { ok: false, problem: string }

export function encode (value: CacheValue, expiresAt: number): Encoded {
  const payload = value instanceof FailSafeEntry ? value.value : value
  const envelope: JsonEnvelope = payload instanceof Float32Array
    ? { v: FORMAT_VERSION, x: expiresAt, f32: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('base64') }
    : { v: FORMAT_VERSION, x: expiresAt, d: payload }
  if (value instanceof FailSafeEntry) {
    envelope.f = value.freshUntil
    if (value.failSafe) envelope.s = 1
    if (value.usage !== undefined) envelope.u = [value.usage.inputTokens, value.usage.outputTokens]
  }
  return { text: JSON.stringify(envelope), expiresAt }
}

export function decode<T> (text: string, validate?: Validator<T>): Decoded<T> {
  let envelope: unknown
  try {
    envelope = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'stored value is not JSON' }
  }
  if (!isEnvelope(envelope)) return { ok: false, problem: 'stored value has no known format version' }
  const payload = envelope.f32 === undefined ? envelope.d : float32FromBase64(envelope.f32)
  if (payload === undefined) return { ok: false, problem: 'stored value has no payload' }
  const value = envelope.f === undefined ? payload : failSafeEntry(envelope, payload)
  if (validate !== undefined && !validate(value)) return { ok: false, problem: 'stored value failed the shape check' }
  return { ok: true, value: value as T, expiresAt: envelope.x }
}

function isEnvelope (value: unknown): value is JsonEnvelope {
  if (typeof value !== 'object' || value === null) return false
  const envelope = value as Partial<JsonEnvelope>
  return envelope.v === FORMAT_VERSION && typeof envelope.x === 'number' &&
    (envelope.f32 === undefined || typeof envelope.f32 === 'string') &&
    (envelope.f === undefined || typeof envelope.f === 'number') &&
    (envelope.u === undefined || (Array.isArray(envelope.u) && envelope.u.length === 2 && envelope.u.every(Number.isFinite)))
}

function failSafeEntry (envelope: JsonEnvelope, payload: unknown): FailSafeEntry {
  const usage = envelope.u === undefined ? undefined : { inputTokens: envelope.u[0], outputTokens: envelope.u[1] }
  return new FailSafeEntry(payload, { freshUntil: envelope.f!, expiresAt: envelope.x }, envelope.s === 1, usage)
}

function float32FromBase64 (base64: string): Float32Array | undefined {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.byteLength % Float32Array.BYTES_PER_ELEMENT !== 0) return undefined
  // Copy into a fresh, aligned buffer: Buffer pool slices may not be 4-byte aligned.
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return new Float32Array(copy.buffer)
}

/** What an L1 entry costs in memory, estimated from its encoded size (UTF-16 strings, 2 bytes a char). */
export function estimateBytes (value: CacheValue, text: string): number {
  if (value instanceof FailSafeEntry) return estimateBytes(value.value, text)
  if (value instanceof Float32Array) return value.byteLength + TYPED_ARRAY_OVERHEAD_BYTES + ENTRY_OVERHEAD_BYTES
  return text.length * 2 + ENTRY_OVERHEAD_BYTES
}

/** Key string, LRU node and TTL bookkeeping: measured as roughly this per entry. */
const ENTRY_OVERHEAD_BYTES = 256
/** The Float32Array and its ArrayBuffer's backing store: the memory benchmark measured ~420 B more per vector than its bytes. */
const TYPED_ARRAY_OVERHEAD_BYTES = 420
