import { alternativesSection } from './alternatives/section.ts'
import { aiSoakSection } from './soak/ai-provider-soak.ts'
import { baselineSection } from './baseline/try-catch.ts'
import { costSection } from './cost/cost-section.ts'
import { documentBombsSection } from './documents/bombs.ts'
import type { Section } from './lib/report.ts'
import { memorySection } from './memory/memory-section.ts'
import { microSection } from './micro/section.ts'
import { profileSection } from './profile/profile-section.ts'
import { soakSection } from './soak/fault-soak.ts'
import { topologiesSection } from './topologies/topologies-section.ts'

/** In the order RESULTS.md shows them. */
export const SECTIONS: readonly Section[] = [
  soakSection,
  topologiesSection,
  aiSoakSection,
  baselineSection,
  alternativesSection,
  costSection,
  memorySection,
  microSection,
  profileSection,
  documentBombsSection
]
