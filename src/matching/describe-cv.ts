import type { ParsedCv } from '../ai/schemas.ts'

export interface CvProfile {
  /** The most recent job title, else the headline: what the candidate does now. */
  title: string
  /** Headline, summary, titles, descriptions and skills: what the role and industry classifiers read. */
  text: string
}

/**
 * A CV as the classifiers see it. Built from the parsed form, not the raw text, so a CV sent as
 * text and the same CV sent as its parsed object get the same role, industries and score.
 */
export function describeCv (cv: ParsedCv): CvProfile {
  const latest = cv.experience.find((entry) => entry.current) ?? cv.experience[0]
  const title = latest?.title ?? cv.headline ?? ''
  const parts = [
    cv.headline,
    cv.summary,
    ...cv.experience.flatMap((entry) => [entry.title, entry.company, entry.description]),
    cv.skills.join(', ')
  ]
  return { title, text: parts.filter((part): part is string => part !== null && part !== '').join('\n') }
}
