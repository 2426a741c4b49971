import { spawn } from 'node:child_process'
import { once } from 'node:events'
import t from 'tap'
import { eventually } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'
import { startServerProcess } from './helpers/server-process.ts'

const SERVER_ENTRY = new URL('../src/server.ts', import.meta.url).pathname

t.test('the server process: listens, serves, and on SIGTERM closes Redis and exits 0', async (t) => {
  const redis = await startRedisServer(t)
  const server = await startServerProcess(t, [SERVER_ENTRY], { REDIS_URL: redis.url })
  t.same(await (await fetch(`${server.address}/health`)).json(), { status: 'ok' })
  const readiness = async () => (await (await fetch(`${server.address}/ready`)).json() as { redis: string }).redis
  t.ok(await eventually(async () => await readiness() === 'ready'), 'connected to Redis')
  const clientsBefore = Number(/connected_clients:(\d+)/.exec(await redis.command('INFO', 'clients'))?.[1])

  t.equal(await server.stop(), 0, 'exited cleanly')
  t.ok(server.lines.some((line) => line.includes('shut down cleanly')))
  t.equal(server.lines.filter((line) => line.includes('Cache mode: L1 + L2 on Redis (standalone, 127.0.0.1:')).length, 1, 'boot said which cache it runs, once')
  t.notOk(server.lines.some((line) => line.includes('Redis connection lost')), 'closing its own connection is not a lost connection')
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
