import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CvLayout, CvTruth, JdTruth, Split } from './corpus-types.ts'

/** The documents of eval/corpus/ with their ground truth, read from disk. */

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'corpus')

export interface Document<T> {
  text: string
  truth: T
}

export interface Corpus {
  cvs: Array<Document<CvTruth>>
  jds: Array<Document<JdTruth>>
  layouts: CvLayout[]
  /** Relevance of a CV family to a job family: 2 same, 1 adjacent, 0 unrelated. */
  relevance: (jobFamily: string, cvFamily: string) => 0 | 1 | 2
}

function readDocuments<T> (directory: string): Array<Document<T>> {
  if (!existsSync(directory)) return []
  return readdirSync(directory).filter((file) => file.endsWith('.json')).sort().map((file) => ({
    text: readFileSync(join(directory, file.replace(/\.json$/, '.txt')), 'utf8'),
    truth: JSON.parse(readFileSync(join(directory, file), 'utf8')) as T
  }))
}

function readLayouts (directory: string): CvLayout[] {
  if (!existsSync(directory)) return []
  return readdirSync(directory).filter((file) => file.endsWith('.json')).sort()
    .map((file) => JSON.parse(readFileSync(join(directory, file), 'utf8')) as CvLayout)
}

export function loadCorpus (splits: readonly Split[], root = CORPUS_DIR): Corpus {
  const adjacency = JSON.parse(readFileSync(join(root, 'adjacency.json'), 'utf8')) as { adjacent: Array<[string, string]> }
  const adjacent = new Set(adjacency.adjacent.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]))
  return {
    cvs: splits.flatMap((split) => readDocuments<CvTruth>(join(root, split, 'cv'))),
    jds: splits.flatMap((split) => readDocuments<JdTruth>(join(root, split, 'jd'))),
    layouts: splits.flatMap((split) => readLayouts(join(root, split, 'layouts'))),
    relevance: (jobFamily, cvFamily) => jobFamily === cvFamily ? 2 : adjacent.has(`${jobFamily}|${cvFamily}`) ? 1 : 0
  }
}
