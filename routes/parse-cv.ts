import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { DocumentsConfig, LimitsConfig } from '../src/config.ts'
import { Counter } from 'prom-client'
import { extractText, UnreadableDocumentError } from '../src/documents/extract-text.ts'
import type { UploadedFile } from '../src/documents/extract-text.ts'
import { ExtractionPool } from '../src/documents/extraction-pool.ts'
import type { DocumentReader } from '../src/documents/read-result.ts'
import { ClientError } from '../src/client-error.ts'
import { AI_ERRORS, BODY_ERRORS, errorResponses, okResponse, requestExample } from './shared/openapi.ts'
import { ParsedCvAnswer } from './shared/cv-id.ts'
import { multipartBodyError, multipartHeaderProblem } from './shared/multipart-errors.ts'
import { answerWithProvenance, Provenance } from './shared/provenance.ts'
import { UploadSlots } from './shared/upload-slots.ts'
import { requireText, TextBody } from './shared/text-input.ts'

export interface ParseCvRoutesOptions {
  limits: LimitsConfig
  documents: DocumentsConfig
}

const MULTIPART = /^\s*multipart\//i

/**
 * Documents the upload for OpenAPI. Multipart bodies are read by the handler, not parsed before
 * validation, so the validator sees `null` for them: the schema must accept it.
 */
const UploadBody = Type.Unsafe<null>({
  type: ['object', 'null'],
  properties: {
    file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The CV as a PDF, DOCX or TXT file' }
  }
})

const parseCvRoutes: FastifyPluginAsyncTypebox<ParseCvRoutesOptions> = async (fastify, options) => {
  const { limits, documents } = options
  // Registered here, not globally: only this route accepts multipart, the others answer 415.
  await fastify.register(multipart, { limits: { fileSize: limits.maxUploadBytes, files: 1, fields: 10 } })
  const readers = new ExtractionPool(documents, (error) => { fastify.log.error({ err: error }, '⚠️  A document reader (worker thread) failed; it is replaced') })
  const refused = new Counter({
    name: 'documents_refused_total',
    help: 'Uploaded PDF and DOCX files that were not read, by format and reason (corrupt, encrypted, too_many_pages, too_large, text_too_large, timeout, out_of_memory).',
    labelNames: ['format', 'reason'] as const,
    registers: [fastify.metrics]
  })
  // preClose, not onClose: the server waits for in-flight requests before onClose, and a
  // request waiting on a document would hold shutdown for its whole time budget.
  // Uploads still arriving are dropped too: a stalled one would hold shutdown until REQUEST_TIMEOUT_MS.
  const uploads = new UploadSlots(documents.maxConcurrentUploads)
  fastify.addHook('preClose', async () => {
    uploads.dropIncomplete()
    await readers.close()
  })

  fastify.post('/api/parse-cv', {
    schema: {
      operationId: 'parseCv',
      tags: ['parsing'],
      summary: 'Parse a CV (JSON text or a PDF, DOCX or TXT upload)',
      description: 'Send `{ "text": "..." }` as JSON, or upload the file as `multipart/form-data` (field `file`, ' +
        'up to MAX_UPLOAD_BYTES, 5 MB by default). Extracts name, contact, headline, summary, skills, experience, total years, ' +
        'education, certifications and languages. Cached for 30 days by a hash of the text; the text itself is never logged. ' +
        '`cv_id` names the cached data: `DELETE /api/cv` with it erases them.',
      body: {
        content: {
          'application/json': { schema: requestExample(TextBody, 'parseCv') },
          'multipart/form-data': { schema: UploadBody }
        }
      },
      response: { 200: okResponse(ParsedCvAnswer, 'parseCv', 'The parsed CV, and the cv_id that names its cached data'), ...errorResponses(...BODY_ERRORS, 422, ...AI_ERRORS) }
    },
    // Before the body is read: a refused upload costs no memory.
    // (request.isMultipart() is only known once the body parser has run.)
    onRequest: async (request, reply) => {
      const contentType = request.headers['content-type'] ?? ''
      if (!MULTIPART.test(contentType)) return
      const problem = multipartHeaderProblem(contentType)
      if (problem !== undefined) throw problem
      uploads.take(request, reply)
    }
  }, async (request, reply) => {
    const text = request.isMultipart() ? await uploadedText(request, readers).catch((error: unknown) => { throw counted(request, error) }) : jsonText(request.body)
    const provenance = new Provenance()
    const cv = await fastify.ai.parseCv(requireText(text, request.isMultipart() ? 'The uploaded file' : 'text', limits.maxTextBytes), provenance)
    return answerWithProvenance(reply, provenance, { ...cv, cv_id: fastify.ai.cvId(text) })
  })

  /** A reader's refusal is counted and logged by reason (never with the document's content). */
  function counted (request: FastifyRequest, error: unknown): unknown {
    if (error instanceof UnreadableDocumentError && error.refusal !== undefined) {
      refused.inc(error.refusal)
      request.log.warn(error.refusal, `⚠️  Document refused: ${error.refusal.reason}`)
    }
    return error
  }
}

/** A request without a body (no content type) passes the schema, which only applies to the types it lists. */
function jsonText (body: unknown): string {
  if (typeof body !== 'object' || body === null) {
    throw new ClientError(400, 'Send the CV as JSON { "text": "..." } or as a multipart/form-data upload (field "file")')
  }
  return (body as { text: string }).text
}

async function uploadedText (request: FastifyRequest, readers: DocumentReader): Promise<string> {
  let upload: UploadedFile
  try {
    const file = await request.file()
    if (file === undefined) throw new ClientError(400, 'The multipart body has no file: send the CV in a field named "file"')
    upload = { data: await file.toBuffer(), filename: file.filename, mimetype: file.mimetype }
  } catch (error) {
    throw multipartBodyError(error)
  }
  return await extractText(upload, readers)
}

export default parseCvRoutes
