import { spawn } from 'node:child_process'
import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'
import t from 'tap'
import { eventually } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

const SERVER = new URL('../src/server.ts', import.meta.url).pathname
const TELEMETRY = new URL('../src/telemetry.ts', import.meta.url).pathname

interface OtlpSpan { name: string, attributes?: Array<{ key: string, value: Record<string, unknown> }> }
interface ExportedSpan { service: string | undefined, name: string, attributes: Record<string, unknown> }

/** A loopback OTLP/HTTP (JSON) receiver that keeps every exported span. */
async function startOtlpReceiver (t: TapTest): Promise<{ url: string, spans: ExportedSpan[] }> {
  const spans: ExportedSpan[] = []
  const server = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => { body += chunk.toString() })
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        for (const resourceSpans of JSON.parse(body).resourceSpans ?? []) {
          const service = resourceSpans.resource?.attributes?.find((a: { key: string }) => a.key === 'service.name')?.value?.stringValue
          for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
            for (const span of scopeSpans.spans as OtlpSpan[]) {
              const attributes = Object.fromEntries((span.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]]))
              spans.push({ service, name: span.name, attributes })
            }
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.teardown(() => new Promise((resolve) => server.close(resolve)))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans }
}

async function runServer (t: TapTest, env: Record<string, string>, work: (address: string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, ['--import', TELEMETRY, SERVER], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', ...env },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  const lines: string[] = []
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line))
  // Starting takes seconds on a loaded machine: the point is that it starts, not how fast.
  t.ok(await eventually(() => lines.some((line) => line.includes('Server listening at')), 30_000), 'server started')
  const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(lines.join('\n'))?.[1] ?? ''
  await work(address)
  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  t.equal(code, 0, 'exited cleanly (and flushed its spans)')
}

t.test('npm start preloads telemetry: HTTP, Fastify, cache and Redis spans reach the OTLP endpoint', async (t) => {
  const redis = await startRedisServer(t)
  const receiver = await startOtlpReceiver(t)
  await runServer(t, { REDIS_URL: redis.url, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url }, async (address) => {
    t.ok(await eventually(async () => (await (await fetch(`${address}/ready`)).json() as { redis: string }).redis === 'ready'))
    t.equal((await fetch(`${address}/api/cache/clear-domains`, { method: 'POST' })).status, 200)
    await fetch(`${address}/health`)
  })
  const names = receiver.spans.map((span) => span.name)
  t.ok(receiver.spans.every((span) => span.service === 'jobfit'), 'service.name defaults to jobfit')
  t.ok(names.includes('POST /api/cache/clear-domains'), 'the HTTP server span')
  t.ok(receiver.spans.some((span) => span.name === 'request' && span.attributes['http.route'] === '/api/cache/clear-domains'), 'the Fastify request span')
  t.ok(names.includes('cache.clear'), 'the cache span')
  t.ok(receiver.spans.some((span) => span.attributes['db.system.name'] === 'redis' && span.attributes['db.operation.name'] === 'scan'),
    'the Redis SCAN, with stable database attributes')
  t.notOk(names.some((name) => name.includes('/health') || name.includes('/ready')), 'probes are not traced')
})

t.test('OTEL_SDK_DISABLED=true exports nothing', async (t) => {
  const receiver = await startOtlpReceiver(t)
  await runServer(t, { REDIS_URL: '', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SDK_DISABLED: 'true' }, async (address) => {
    t.equal((await fetch(`${address}/api/cache/clear-domains`, { method: 'POST' })).status, 200)
  })
  t.same(receiver.spans, [])
})
