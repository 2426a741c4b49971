import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { LimitsConfig } from '../src/config.ts'
import { extractText } from '../src/documents/extract-text.ts'
import { ClientError } from '../src/client-error.ts'
import { ParsedCvAnswer } from './shared/cv-id.ts'
import { ERROR_RESPONSES } from './shared/errors.ts'
import { answerWithProvenance, Provenance } from './shared/provenance.ts'
import { requireText, TextBody } from './shared/text-input.ts'

export interface ParseCvRoutesOptions {
  limits: LimitsConfig
}

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
  const { limits } = options
  // Registered here, not globally: only this route accepts multipart, the others answer 415.
  await fastify.register(multipart, { limits: { fileSize: limits.maxUploadBytes, files: 1, fields: 10 } })

  fastify.post('/api/parse-cv', {
    schema: {
      tags: ['parsing'],
      summary: 'Parse a CV (JSON text or a PDF, DOCX or TXT upload)',
      description: 'Send `{ "text": "..." }` as JSON, or upload the file as `multipart/form-data` (field `file`, ' +
        'up to MAX_UPLOAD_BYTES, 5 MB by default). Extracts name, contact, headline, summary, skills, experience, total years, ' +
        'education, certifications and languages. Cached for 30 days by a hash of the text; the text itself is never logged. ' +
        '`cv_id` names the cached data: `DELETE /api/cv` with it erases them.',
      body: {
        content: {
          'application/json': { schema: TextBody },
          'multipart/form-data': { schema: UploadBody }
        }
      },
      response: { 200: ParsedCvAnswer, ...ERROR_RESPONSES }
    }
  }, async (request, reply) => {
    const text = request.isMultipart() ? await uploadedText(request) : jsonText(request.body)
    const provenance = new Provenance()
    const cv = await fastify.ai.parseCv(requireText(text, request.isMultipart() ? 'The uploaded file' : 'text', limits.maxTextBytes), provenance)
    return answerWithProvenance(reply, provenance, { ...cv, cv_id: fastify.ai.cvId(text) })
  })
}

/** A request without a body (no content type) passes the schema, which only applies to the types it lists. */
function jsonText (body: unknown): string {
  if (typeof body !== 'object' || body === null) {
    throw new ClientError(400, 'Send the CV as JSON { "text": "..." } or as a multipart/form-data upload (field "file")')
  }
  return (body as { text: string }).text
}

async function uploadedText (request: FastifyRequest): Promise<string> {
  const file = await request.file()
  if (file === undefined) throw new ClientError(400, 'The multipart body has no file: send the CV in a field named "file"')
  return extractText({ data: await file.toBuffer(), filename: file.filename, mimetype: file.mimetype })
}

export default parseCvRoutes
