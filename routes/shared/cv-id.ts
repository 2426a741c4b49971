import { Type } from 'typebox'
import { ParsedCv } from '../../src/ai/schemas.ts'

export const CvId = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: 'The CV\'s identifier (the hash its cached data is keyed by): send it to `DELETE /api/cv` to erase that data'
})

/** What `/api/parse-cv` answers: the parsed CV and its `cv_id`. */
export const ParsedCvWithId = Type.Object({ ...ParsedCv.properties, cv_id: CvId }, { additionalProperties: false, title: 'ParsedCvWithId' })

/** A parsed CV as a client sends it back: with the `cv_id` it was given, or without. */
export const ParsedCvInput = Type.Object({ ...ParsedCv.properties, cv_id: Type.Optional(CvId) }, { additionalProperties: false })
