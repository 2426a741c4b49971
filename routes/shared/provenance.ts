import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import type { TObject, TProperties } from 'typebox'
import { ANSWER_SOURCES, DEGRADED_HEADER, Provenance, ProvenanceMeta, SOURCE_HEADER } from '../../src/ai/resilience/provenance.ts'

/** The response headers every answer carries, as OpenAPI shows them. */
const PROVENANCE_HEADERS = {
  [SOURCE_HEADER]: {
    type: 'string',
    enum: ANSWER_SOURCES,
    description: 'Where the answer came from: cache, provider (computed now), stale (a cached value past its TTL, because the AI ' +
      'provider failed or was slow) or fallback (the local provider, because the AI provider failed); the least trustworthy part\'s'
  },
  [DEGRADED_HEADER]: {
    type: 'string',
    enum: ['true'],
    description: 'Present (true) when any part of the answer was stale or fallback'
  }
}

/**
 * A route's 200 schema: the answer's own fields plus `meta` (its provenance), with the
 * provenance headers documented. Built here, from the domain schema, so the domain schema (for
 * the parsers, the model's structured output) never contains `meta`.
 */
export function withProvenance<P extends TProperties> (schema: TObject<P>, title: string) {
  return Type.Object({ ...schema.properties, meta: ProvenanceMeta }, { additionalProperties: false, title, headers: PROVENANCE_HEADERS })
}

/**
 * The same object as an input (`/api/calculate-score` takes what `/api/parse` answered): `meta`
 * is accepted and ignored, so a client can send a parse answer back as it came.
 */
export function acceptingProvenance<P extends TProperties> (schema: TObject<P>) {
  return Type.Object({ ...schema.properties, meta: Type.Optional(ProvenanceMeta) }, { additionalProperties: false })
}

/** Sets the provenance headers and returns `body` with its `meta`. */
export function answerWithProvenance<T extends object> (reply: FastifyReply, provenance: Provenance, body: T): T & { meta: ProvenanceMeta } {
  const meta = provenance.meta()
  reply.header(SOURCE_HEADER, meta.source)
  if (meta.degraded) reply.header(DEGRADED_HEADER, 'true')
  return { ...body, meta }
}

export { Provenance }
