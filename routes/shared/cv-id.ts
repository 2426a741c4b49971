import { Type } from 'typebox'
import { ParsedCv } from '../../src/ai/schemas.ts'
import { acceptingProvenance, withProvenance } from './provenance.ts'

export const CvId = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: 'The CV\'s identifier (the hash its cached data is keyed by): send it to `DELETE /api/cv` to erase that data'
})

/** What `/api/parse-cv` answers: the parsed CV, its `cv_id` and where the answer came from. */
export const ParsedCvAnswer = withProvenance(Type.Object({ ...ParsedCv.properties, cv_id: CvId }), 'ParsedCvAnswer')

/** A parsed CV as a client sends it back: with the `cv_id` (and `meta`) it was given, or without. */
export const ParsedCvInput = acceptingProvenance(Type.Object({ ...ParsedCv.properties, cv_id: Type.Optional(CvId) }))

/** A parsed CV sent back as it came: its `cv_id` is not part of what is scored. */
export function withoutCvId<T extends { cv_id?: unknown }> ({ cv_id: _cvId, ...parsed }: T): Omit<T, 'cv_id'> {
  return parsed
}
