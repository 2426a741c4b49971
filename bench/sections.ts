import type { Section } from './lib/report.ts'

/** In the order RESULTS.md shows them. */
export const SECTIONS: readonly Section[] = []
