import type { ExperienceEntry, ParsedCv, ParsedJob } from '../../src/ai/schemas.ts'

/** A job that asks for nothing; tests set what they need. */
export function job (overrides: Partial<ParsedJob> = {}): ParsedJob {
  return {
    title: null,
    company: null,
    location: null,
    remote_policy: null,
    employment_type: null,
    seniority: null,
    min_years_experience: null,
    max_years_experience: null,
    required_skills: [],
    preferred_skills: [],
    responsibilities: [],
    education: { minimum_level: null, fields: [] },
    languages: [],
    salary: null,
    industries: [],
    role_category: 'software_engineering',
    ...overrides
  }
}

/** A CV with nothing on it; tests set what they need. */
export function cv (overrides: Partial<ParsedCv> = {}): ParsedCv {
  return {
    name: null,
    contact: { email: null, phone: null, location: null, links: [] },
    headline: null,
    summary: null,
    skills: [],
    skills_unlisted: [],
    experience: [],
    total_years_experience: 0,
    experience_unknown_reason: null,
    education: [],
    certifications: [],
    languages: [],
    ...overrides
  }
}

export function position (title: string | null, start = '2020-01', end: string | null = null): ExperienceEntry {
  return { title, company: null, start, end, current: end === null, description: null }
}

const DIMENSIONS = 64
/** Axes below this are for the coordinates tests give; texts without any get the next free axis above. */
const NAMED_AXES = 16

/**
 * A deterministic embedder for unit tests: texts listed in `coordinates` get those coordinates
 * (normalized), any other text its own axis, orthogonal to every other text. Records its calls.
 */
export function fakeEmbedder (coordinates: Record<string, number[]> = {}): { embed: (texts: string[]) => Promise<Float32Array[]>, calls: string[][] } {
  const calls: string[][] = []
  const axes = new Map<string, number>()
  const vector = (text: string): Float32Array => {
    const result = new Float32Array(DIMENSIONS)
    const given = coordinates[text]
    if (given === undefined) {
      if (!axes.has(text)) axes.set(text, NAMED_AXES + axes.size)
      result[axes.get(text)!] = 1
      return result
    }
    const norm = Math.hypot(...given)
    given.forEach((value, index) => { result[index] = value / norm })
    return result
  }
  return {
    calls,
    embed: async (texts) => {
      calls.push([...texts])
      return texts.map(vector)
    }
  }
}

/** Coordinates whose cosine with [1, 0] is `similarity`. */
export function at (similarity: number): number[] {
  return [similarity, Math.sqrt(1 - similarity * similarity)]
}
