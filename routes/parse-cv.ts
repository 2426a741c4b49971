import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { ParsedCv } from '../src/ai/schemas.ts'
import type { LimitsConfig } from '../src/config.ts'
import { extractText } from '../src/documents/extract-text.ts'
import { ClientError } from '../src/client-error.ts'
import { AI_ERRORS, BODY_ERRORS, errorResponses, okResponse, requestExample } from './shared/openapi.ts'
import { answerWithProvenance, Provenance, withProvenance } from './shared/provenance.ts'
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
      operationId: 'parseCv',
      tags: ['parsing'],
      summary: 'Parse a CV (JSON text or a PDF, DOCX or TXT upload)',
      description: 'Send `{ "text": "..." }` as JSON, or upload the file as `multipart/form-data` (field `file`, ' +
        'up to MAX_UPLOAD_BYTES, 5 MB by default). Extracts name, contact, headline, summary, skills, experience, total years, ' +
        'education, certifications and languages. Cached for 30 days by a hash of the text; the text itself is never logged.',
      body: {
        content: {
          'application/json': { schema: requestExample(TextBody, 'parseCv') },
          'multipart/form-data': { schema: UploadBody }
        }
      },
      response: { 200: okResponse(withProvenance(ParsedCv, 'ParsedCvAnswer'), 'parseCv', 'The parsed CV'), ...errorResponses(...BODY_ERRORS, 422, ...AI_ERRORS) }
    }
  }, async (request, reply) => {
    const text = request.isMultipart() ? await uploadedText(request) : (request.body as { text: string }).text
    const provenance = new Provenance()
    const cv = await fastify.ai.parseCv(requireText(text, request.isMultipart() ? 'The uploaded file' : 'text', limits.maxTextBytes), provenance)
    return answerWithProvenance(reply, provenance, cv)
  })
}

async function uploadedText (request: FastifyRequest): Promise<string> {
  const file = await request.file()
  if (file === undefined) throw new ClientError(400, 'The multipart body has no file: send the CV in a field named "file"')
  return extractText({ data: await file.toBuffer(), filename: file.filename, mimetype: file.mimetype })
}

export default parseCvRoutes
