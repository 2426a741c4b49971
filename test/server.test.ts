import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import t from 'tap'
import { eventually } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

const SERVER_ENTRY = new URL('../src/server.ts', import.meta.url).pathname

t.test('the server process: listens, serves, and on SIGTERM closes Redis and exits 0', async (t) => {
  const redis = await startRedisServer(t)
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', REDIS_URL: redis.url, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  const lines: string[] = []
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line))

  // Starting takes seconds on a loaded machine: the point is that it starts, not how fast.
  t.ok(await eventually(() => lines.some((line) => line.includes('Server listening at')), 30_000), 'listening')
  const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(lines.join('\n'))?.[1]
  t.ok(address)
  t.same(await (await fetch(`${address}/health`)).json(), { status: 'ok' })
  const readiness = async () => (await (await fetch(`${address}/ready`)).json() as { redis: string }).redis
  t.ok(await eventually(async () => await readiness() === 'ready'), 'connected to Redis')
  const clientsBefore = Number(/connected_clients:(\d+)/.exec(await redis.command('INFO', 'clients'))?.[1])

  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  t.equal(code, 0, 'exited cleanly')
  t.ok(lines.some((line) => line.includes('shut down cleanly')))
  const clientsAfter = Number(/connected_clients:(\d+)/.exec(await redis.command('INFO', 'clients'))?.[1])
  t.ok(clientsBefore >= 2, `the service had its connections open (${clientsBefore - 1})`)
  t.equal(clientsAfter, 1, 'all of them were closed: only the INFO query itself is connected')
})

t.test('a bad configuration stops the boot with a message naming the variable', async (t) => {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, PORT: 'eighty', CACHE_L2_COMMAND_TIMEOUT_MS: '-1' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const [code] = await once(child, 'exit')
  t.equal(code, 1)
  t.match(stderr, /PORT must be an integer/)
  t.match(stderr, /CACHE_L2_COMMAND_TIMEOUT_MS/)
})
