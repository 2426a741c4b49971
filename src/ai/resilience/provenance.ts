import { Type } from 'typebox'
import type { Static } from 'typebox'
import { SoftBudget } from './soft-budget.ts'

/**
 * Where an answer came from. `cache`: a fresh cached value; `provider`: the AI provider (or the
 * local computation) answered now; `stale`: the provider failed or was slow and a value past its
 * TTL, within its grace, was answered; `fallback`: the provider failed with nothing stale at hand
 * and the local provider answered instead.
 */
export const ANSWER_SOURCES = ['cache', 'provider', 'stale', 'fallback'] as const
export type AnswerSource = (typeof ANSWER_SOURCES)[number]

/** A response built from several parts reports its least trustworthy one. */
const SEVERITY: Readonly<Record<AnswerSource, number>> = { cache: 0, provider: 1, stale: 2, fallback: 3 }

/** The less trustworthy of two sources; `undefined` (nothing yet) loses to any. */
export function worseSource<S extends AnswerSource> (a: S | undefined, b: S): S {
  return a === undefined || SEVERITY[b] >= SEVERITY[a] ? b : a
}

export const SOURCE_HEADER = 'x-jobfit-source'
export const DEGRADED_HEADER = 'x-jobfit-degraded'

/**
 * The body field for clients that drop headers. It belongs to the HTTP response, not to what the
 * model produces: src/ai/schemas.ts (the strict structured-output schemas) does not contain it.
 */
export const ProvenanceMeta = Type.Object({
  source: Type.Enum(ANSWER_SOURCES, {
    description: 'Where the answer came from: cache (fresh cached value), provider (computed now), stale (a cached value past its ' +
      'TTL, answered because the AI provider failed or was slow), fallback (the local provider answered because the AI provider ' +
      'failed). With several parts, the least trustworthy one. Also in the x-jobfit-source header.'
  }),
  degraded: Type.Boolean({ description: 'true when any part of the answer was stale or fallback; also the x-jobfit-degraded header' })
}, { additionalProperties: false, description: 'Provenance of the answer' })

export type ProvenanceMeta = Static<typeof ProvenanceMeta>

/** Collects the sources of one request's parts; its parts share one soft timeout (`budget`). */
export class Provenance {
  readonly budget = new SoftBudget()
  private worst: AnswerSource | undefined

  add (source: AnswerSource): void {
    this.worst = worseSource(this.worst, source)
  }

  /** A request whose parts reported nothing was computed now. */
  meta (): ProvenanceMeta {
    const source = this.worst ?? 'provider'
    return { source, degraded: source === 'stale' || source === 'fallback' }
  }
}
