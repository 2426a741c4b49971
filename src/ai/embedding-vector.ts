import type { Validator } from '../cache/index.ts'

/**
 * How far a stored vector's squared length may be from 1. Float32 rounding of a normalized
 * 4096-dimension vector stays well below 1e-4; a value outside is not one we stored.
 */
const UNIT_LENGTH_TOLERANCE = 1e-3

/**
 * Shape check for a cached embedding: the right length, every component finite and the whole
 * L2-normalized (both providers store unit vectors; the scorer takes the cosine to be the dot
 * product). A vector of the right length holding NaN, Infinity or huge components passes a
 * length check but turns every similarity into NaN: it must be a `corrupt` miss instead.
 */
export function isUnitVectorOf (dimensions: number): Validator<Float32Array> {
  return (value: unknown): value is Float32Array => {
    if (!(value instanceof Float32Array) || value.length !== dimensions) return false
    let squares = 0
    for (const component of value) squares += component * component
    // NaN and Infinity make `squares` NaN or Infinity, which fails the comparison.
    return Math.abs(squares - 1) <= UNIT_LENGTH_TOLERANCE
  }
}
