import { LocalProvider } from '../src/ai/local/local-provider.ts'
import { parseCvText } from '../src/ai/local/cv-parser.ts'
import { parseJobText } from '../src/ai/local/jd-parser.ts'
import { parseConfig } from '../src/config.ts'
import { extractText } from '../src/documents/extract-text.ts'
import { ExtractionPool } from '../src/documents/extraction-pool.ts'
import { DOCX_MIMETYPE, layoutDocx, layoutPdf, layoutPdfTwoColumn, PDF_MIMETYPE } from './binary-documents.ts'
import { loadCorpus } from './corpus.ts'
import type { Split } from './corpus-types.ts'
import { REFERENCE_DATE } from './corpus-types.ts'
import { evaluateCvs } from './evaluate-cv.ts'
import type { CvFigures } from './evaluate-cv.ts'
import { evaluateJds } from './evaluate-jd.ts'
import type { JdFigures } from './evaluate-jd.ts'
import { evaluateMatching } from './evaluate-matching.ts'
import { MissLog } from './metrics.ts'
import type { Miss } from './metrics.ts'
import type { MatchingFigures } from './evaluate-matching.ts'

/**
 * `npm run eval` as a function: parses every document of the chosen splits with the local
 * provider's parsers (the CV parser is given the corpus's reference date as "today"), scores the
 * fields against the truth, draws the layouts into real PDF and DOCX files and parses them
 * through the upload path, and ranks every CV against every job description.
 */

export interface EvalOptions {
  splits: readonly Split[]
  /** Also evaluate the PDF and DOCX files drawn from the layouts (default true). */
  binaries?: boolean
  /** Also rank CVs against jobs (default true). */
  matching?: boolean
  /** List every field each text document got wrong (refused for the held-out split: it is not for tuning). */
  misses?: boolean
}

export interface EvalReport {
  reference_date: string
  splits: Split[]
  cv: CvFigures
  /** The same CVs as real PDF and DOCX uploads, read through src/documents/extract-text.ts. */
  cv_upload: CvFigures | null
  jd: JdFigures
  /** Rankings are computed within one split: a job is ranked against the CVs of its own split. */
  matching: Partial<Record<Split, MatchingFigures>>
  /** With `misses`: every field a dev document got wrong. */
  misses?: Miss[]
}

const EMBEDDING_DIMENSIONS = 768

export async function runEval (options: EvalOptions): Promise<EvalReport> {
  if (options.misses === true && options.splits.includes('heldout')) throw new Error('misses are listed for the dev split only: the held-out split is not for tuning')
  const log = new MissLog(options.misses === true)
  const today = new Date(`${REFERENCE_DATE}T00:00:00Z`)
  const corpus = loadCorpus(options.splits)
  const cvs = corpus.cvs.map((document) => ({ ...document, parsed: parseCvText(document.text, today) }))
  const jds = corpus.jds.map((document) => ({ ...document, parsed: parseJobText(document.text) }))
  let upload: CvFigures | null = null
  if (options.binaries !== false) {
    const byId = new Map(corpus.cvs.map((document) => [document.truth.id, document]))
    const uploads = []
    // The service's own document readers (worker threads), with its default budgets.
    const readers = new ExtractionPool(parseConfig({}).documents, (error) => { throw error })
    try {
      for (const layout of corpus.layouts) {
        const source = byId.get(layout.id)
        if (source === undefined) continue
        for (const [format, data, mimetype, extension] of [
          ['pdf_upload', await layoutPdf(layout), PDF_MIMETYPE, 'pdf'],
          ['pdf_two_column_upload', await layoutPdfTwoColumn(layout), PDF_MIMETYPE, 'pdf'],
          ['docx_upload', await layoutDocx(layout), DOCX_MIMETYPE, 'docx']
        ] as const) {
          const text = await extractText({ data, filename: `${layout.id}.${extension}`, mimetype }, readers)
          uploads.push({ text, truth: source.truth, format, parsed: parseCvText(text, today) })
        }
      }
    } finally {
      await readers.close()
    }
    upload = evaluateCvs(uploads, today)
  }
  const matching: Partial<Record<Split, MatchingFigures>> = {}
  if (options.matching !== false) {
    const provider = new LocalProvider({ embeddingDimensions: EMBEDDING_DIMENSIONS, maxEmbeddingBatch: 256 })
    for (const split of options.splits) {
      matching[split] = await evaluateMatching(
        jds.filter(({ truth }) => truth.split === split).map(({ truth, parsed }) => ({ family: truth.family, id: truth.id, jd: parsed })),
        cvs.filter(({ truth }) => truth.split === split).map(({ truth, parsed }) => ({ family: truth.family, id: truth.id, cv: parsed })),
        provider,
        corpus.relevance
      )
    }
  }
  const report: EvalReport = { reference_date: REFERENCE_DATE, splits: [...options.splits], cv: evaluateCvs(cvs, today, log), cv_upload: upload, jd: evaluateJds(jds, log), matching }
  return options.misses === true ? { ...report, misses: log.misses } : report
}
