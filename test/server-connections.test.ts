import { spawn } from 'node:child_process'
import { once } from 'node:events'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, eventually } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'
import { docxWithInflatingBody, DOCX_MIMETYPE, multipartBody } from './helpers/documents.ts'

/**
 * Hostile clients against a listening server: uploads that stall or drip are dropped, uploads
 * beyond the cap are refused with a 503, and shutdown does not wait for a document being read.
 */
const MIB = 1024 * 1024
const BOUNDARY = 'jobfit-test-boundary'
const UPLOAD_HEAD = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\nJane Doe`

async function listening (t: TapTest, env: Record<string, string>): Promise<{ app: FastifyInstance, port: number }> {
  const { app } = await buildTestApp(t, env)
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, port: (app.server.address() as AddressInfo).port }
}

/** A raw client that sends the headers of a 100 KB upload and its first bytes, then `afterwards`. */
function partialUpload (port: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1')
  socket.on('error', () => {})
  return new Promise((resolve) => socket.once('connect', () => {
    socket.write(`POST /api/parse-cv HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: 100000\r\n\r\n${UPLOAD_HEAD}`)
    resolve(socket)
  }))
}

function closedCount (sockets: readonly net.Socket[]): number {
  return sockets.filter((socket) => socket.closed).length
}

t.test('uploads that stall after their first bytes are dropped by the server', async (t) => {
  const { port } = await listening(t, { CONNECTION_TIMEOUT_MS: '500', REQUEST_TIMEOUT_MS: '60000', HEADERS_TIMEOUT_MS: '10000' })
  const sockets = await Promise.all(Array.from({ length: 5 }, () => partialUpload(port)))
  t.teardown(() => sockets.forEach((socket) => socket.destroy()))
  t.ok(await eventually(() => closedCount(sockets) === sockets.length, 20_000), `closed by the server: ${closedCount(sockets)} of ${sockets.length}`)
})

t.test('uploads that drip a byte at a time are answered 408 at the request timeout', async (t) => {
  const { port } = await listening(t, { CONNECTION_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '500' })
  const sockets = await Promise.all(Array.from({ length: 3 }, () => partialUpload(port)))
  const answers = sockets.map((socket) => {
    let received = ''
    socket.on('data', (chunk: Buffer) => { received += chunk.toString() })
    return () => received
  })
  // Never idle: a byte every 100 ms resets the idle timeout; only the request deadline can end it.
  const drip = setInterval(() => sockets.forEach((socket) => { if (!socket.closed) socket.write('x') }), 100)
  t.teardown(() => { clearInterval(drip); sockets.forEach((socket) => socket.destroy()) })
  t.ok(await eventually(() => closedCount(sockets) === sockets.length, 20_000), `closed by the server: ${closedCount(sockets)} of ${sockets.length}`)
  t.ok(answers.every((answer) => answer().startsWith('HTTP/1.1 408')), 'each answered 408 Request Timeout')
})

t.test('uploads beyond MAX_CONCURRENT_UPLOADS are refused with a 503 and Retry-After; the slots come back', async (t) => {
  const { app, port } = await listening(t, { MAX_CONCURRENT_UPLOADS: '2', CONNECTION_TIMEOUT_MS: '60000' })
  const held = await Promise.all([partialUpload(port), partialUpload(port)])
  const upload = await multipartBody({ file: { data: Buffer.from('Jane Doe, Senior Backend Engineer at Acme'), filename: 'cv.txt', mimetype: 'text/plain' } })
  // Both held uploads are in flight once the server has seen their headers.
  t.ok(await eventually(async () => (await app.inject({ method: 'POST', url: '/api/parse-cv', ...upload })).statusCode === 503), 'the third is refused')
  const refused = await app.inject({ method: 'POST', url: '/api/parse-cv', ...upload })
  t.match(refused.json(), { statusCode: 503, error: 'Service Unavailable', message: 'Too many uploads in progress (2); retry in a moment' })
  t.equal(refused.headers['retry-after'], '2')
  t.equal((await app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: 'Jane Doe, Senior Backend Engineer at Acme' } })).statusCode, 200,
    'JSON text is not an upload: not refused')

  held.forEach((socket) => socket.destroy())
  t.ok(await eventually(async () => (await app.inject({ method: 'POST', url: '/api/parse-cv', ...upload })).statusCode === 200), 'accepted again once they are gone')
})

t.test('an upload gives its slot back when answered, whatever the answer', async (t) => {
  const { app } = await buildTestApp(t, { MAX_CONCURRENT_UPLOADS: '1' })
  const good = await multipartBody({ file: { data: Buffer.from('Jane Doe, Senior Backend Engineer at Acme'), filename: 'cv.txt', mimetype: 'text/plain' } })
  const bad = await multipartBody({ file: { data: Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), filename: 'cv.png', mimetype: 'image/png' } })
  const statuses = []
  for (const upload of [good, bad, good, bad, good]) statuses.push((await app.inject({ method: 'POST', url: '/api/parse-cv', ...upload })).statusCode)
  t.same(statuses, [200, 422, 200, 422, 200], 'one at a time, never refused')
})

const SERVER_ENTRY = new URL('../src/server.ts', import.meta.url).pathname

t.test('SIGTERM while a document is read and an upload stalls: the worker is terminated, the stalled upload dropped, the process exits 0 in time', async (t) => {
  // A document that needs over ten seconds of reading, and a budget that would let it.
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_URL: '',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: '5000',
      REQUEST_TIMEOUT_MS: '120000',
      DOCUMENT_TASK_TIMEOUT_MS: '300000',
      MAX_DOCUMENT_INFLATED_BYTES: String(128 * MIB)
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  const lines: string[] = []
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line))
  t.ok(await eventually(() => lines.some((line) => line.includes('Server listening at')), 20_000), 'listening')
  const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(lines.join('\n'))?.[1]

  const { payload, headers } = await multipartBody({ file: { data: docxWithInflatingBody(60 * MIB, { paragraph: '<w:r></w:r>' }), filename: 'cv.docx', mimetype: DOCX_MIMETYPE } })
  const answer = fetch(`${address}/api/parse-cv`, { method: 'POST', body: new Uint8Array(payload), headers })
    .then(async (response) => ({ status: response.status, body: await response.json() as { message: string } }))
  // The upload is small (150 KB): once /health has answered after it was sent, it is being read.
  await new Promise((resolve) => setTimeout(resolve, 500))
  t.equal((await fetch(`${address}/health`)).status, 200, 'the server answers while the document is read')

  const stalled = await partialUpload(Number(new URL(address ?? '').port))
  t.teardown(() => stalled.destroy())

  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  t.equal(code, 0, 'exited by itself, before SHUTDOWN_TIMEOUT_MS forced it')
  t.ok(lines.some((line) => line.includes('shut down cleanly')))
  t.match(await answer, { status: 503, body: { message: 'The service is shutting down; retry the upload' } })
  t.ok(await eventually(() => stalled.closed, 10_000), 'the stalled upload\'s connection was closed')
})
