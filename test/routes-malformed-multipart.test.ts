import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'

/**
 * Each malformed multipart shape from issue 13 (all were 500s): a 400 in Fastify's error shape
 * whose message says what is wrong. Raw bodies, as a broken client would send them.
 */
const CV = 'Jane Doe, Senior Backend Engineer'

function body (boundary: string): string {
  return `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n${CV}\r\n--${boundary}--\r\n`
}

async function post (t: TapTest, contentType: string, payload: string): Promise<{ statusCode: number, body: { statusCode: number, error: string, message: string } }> {
  const { app } = await buildTestApp(t)
  return await send(app, contentType, payload)
}

async function send (app: FastifyInstance, contentType: string, payload: string) {
  const response = await app.inject({ method: 'POST', url: '/api/parse-cv', payload, headers: { 'content-type': contentType } })
  return { statusCode: response.statusCode, body: response.json() }
}

t.test('the well-formed body it is compared with is read', async (t) => {
  const response = await post(t, 'multipart/form-data; boundary=xyz', body('xyz'))
  t.equal(response.statusCode, 200)
})

t.test('no boundary in the Content-Type', async (t) => {
  const response = await post(t, 'multipart/form-data', body('xyz'))
  t.match(response, { statusCode: 400, body: { statusCode: 400, error: 'Bad Request', message: 'The multipart/form-data Content-Type has no boundary parameter: send "multipart/form-data; boundary=..." with the boundary your body uses' } })
})

t.test('a boundary that is not the one the body uses', async (t) => {
  const response = await post(t, 'multipart/form-data; boundary=abc', body('xyz'))
  t.match(response, { statusCode: 400, body: { statusCode: 400, error: 'Bad Request', message: /ends before its closing boundary.*boundary is not the one in Content-Type/ } })
})

t.test('a 1,000-character boundary', async (t) => {
  const boundary = 'a'.repeat(1000)
  const response = await post(t, `multipart/form-data; boundary=${boundary}`, body(boundary))
  t.match(response, { statusCode: 400, body: { error: 'Bad Request', message: 'The multipart boundary is 1000 characters long; at most 70 are allowed (RFC 2046)' } })
})

t.test('a truncated body, cut in the headers or in the file', async (t) => {
  const { app } = await buildTestApp(t)
  const whole = body('xyz')
  for (const cut of [20, whole.indexOf(CV) + 5, whole.length - 4]) {
    const response = await send(app, 'multipart/form-data; boundary=xyz', whole.slice(0, cut))
    t.match(response, { statusCode: 400, body: { error: 'Bad Request', message: /could not be read: it ends before its closing boundary/ } }, `cut at ${cut} of ${whole.length}`)
  }
})

t.test('a part with no file: a plain field, or a "file" field without a filename', async (t) => {
  const { app } = await buildTestApp(t)
  const field = '--xyz\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--xyz--\r\n'
  const fileWithoutFilename = `--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\n${CV}\r\n--xyz--\r\n`
  for (const payload of [field, fileWithoutFilename, '--xyz--\r\n']) {
    const response = await send(app, 'multipart/form-data; boundary=xyz', payload)
    t.match(response, { statusCode: 400, body: { error: 'Bad Request', message: 'The multipart body has no file: send the CV in a field named "file"' } })
  }
})

t.test('a part whose Content-Disposition is malformed holds no file', async (t) => {
  const payload = `--xyz\r\nContent-Disposition form-data name file\r\n\r\n${CV}\r\n--xyz--\r\n`
  const response = await post(t, 'multipart/form-data; boundary=xyz', payload)
  t.equal(response.statusCode, 400, JSON.stringify(response.body))
  t.match(response.body, { error: 'Bad Request', message: /multipart body/ })
})
