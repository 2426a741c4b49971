import { execFile } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import net from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import t from 'tap'
import { RedisReplyError, respCommand, startRedisServer } from './redis-server.ts'

/** False once the process is gone or a zombie (a container's PID 1 may never reap it). */
function isAlive (pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
    return state !== 'Z' && state !== 'X'
  } catch {
    if (existsSync('/proc/self/stat')) return false
  }
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function eventuallyDead (pid: number, withinMs = 3000): Promise<boolean> {
  const deadline = Date.now() + withinMs
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true
    await sleep(20)
  }
  return !isAlive(pid)
}

/** How many milliseconds `promise` took to settle. */
async function timed (promise: Promise<unknown>): Promise<number> {
  const started = Date.now()
  await promise.catch(() => {})
  return Date.now() - started
}

t.test('starts a private server that answers PING, and stop() cleans up', async (t) => {
  const redis = await startRedisServer(t)
  t.equal(redis.url, `redis://127.0.0.1:${redis.port}`)
  t.not(redis.port, 6379, 'never the shared Redis')
  t.equal(await redis.command('PING'), 'PONG')
  t.match(await redis.command('INFO', 'server'), `process_id:${redis.pid}\r\n`, 'the server on the port is our child')
  const dir = (await redis.command('CONFIG', 'GET', 'dir')).split('\n')[1]
  t.ok(dir !== undefined && existsSync(dir), 'runs in a temp dir')

  const pid = redis.pid
  t.ok(pid)
  await redis.stop()
  await redis.stop()
  t.equal(redis.pid, undefined)
  t.ok(await eventuallyDead(pid ?? 0), 'process gone')
  t.notOk(existsSync(dir ?? ''), 'temp dir removed')
  await t.rejects(redis.command('PING'), { code: 'ECONNREFUSED' })
  await t.rejects(redis.restart(), /after stop/)
})

t.test('command() speaks RESP: integers, nil, bulk strings, arrays, error replies, binary-safe args', async (t) => {
  const redis = await startRedisServer(t)
  t.equal(await redis.command('SET', 'k', 'a\r\nb ünï'), 'OK')
  t.equal(await redis.command('GET', 'k'), 'a\r\nb ünï')
  t.equal(await redis.command('GET', 'missing'), '', 'nil is the empty string')
  t.equal(await redis.rawCommand(['GET', 'missing']), null, 'rawCommand keeps nil as null')
  t.equal(await redis.command('DBSIZE'), '1')
  t.equal(await redis.rawCommand(['INCR', 'n']), 1)
  await redis.command('RPUSH', 'list', 'x', 'y', 'z')
  t.same(await redis.rawCommand(['LRANGE', 'list', '0', '-1']), ['x', 'y', 'z'])
  t.equal(await redis.command('LRANGE', 'list', '0', '-1'), 'x\ny\nz')
  await t.rejects(redis.command('NOSUCHCOMMAND'), /^ERR unknown command/)
  const big = 'v'.repeat(300_000)
  await redis.command('SET', 'big', big)
  t.equal((await redis.command('GET', 'big')).length, big.length, 'a reply spread over many chunks')
})

t.test('kill() refuses connections, restart() serves again on the same port', async (t) => {
  const redis = await startRedisServer(t)
  const { port } = redis
  const firstPid = redis.pid
  await redis.command('SET', 'k', 'v')

  await redis.kill()
  t.equal(redis.pid, undefined)
  await t.rejects(redis.command('PING'), { code: 'ECONNREFUSED' }, 'connection refused')

  await redis.restart()
  t.equal(redis.port, port, 'same port')
  t.not(redis.pid, firstPid, 'a new process')
  t.equal(await redis.command('PING'), 'PONG')
  t.equal(await redis.command('DBSIZE'), '0', 'a fresh, empty server (no persistence)')
})

t.test('pause() hangs the server (commands time out within their bound), resume() revives it', async (t) => {
  const redis = await startRedisServer(t)
  redis.pause()
  t.equal(redis.paused, true)
  const elapsed = await timed(t.rejects(redis.rawCommand(['PING'], { timeoutMs: 300 }), /timed out after 300 ms/))
  // A paused server never answers: without its timeout the command would wait forever, so the
  // upper bound can be generous (a loaded machine delays timers, it never fires them early).
  t.ok(elapsed >= 250 && elapsed < 10_000, `bounded by its timeout (${elapsed} ms)`)
  redis.resume()
  t.equal(redis.paused, false)
  t.equal(await redis.command('PING'), 'PONG')

  redis.pause()
  const pid = redis.pid ?? 0
  t.ok(await timed(redis.stop()) < 20_000, 'stop() does not hang on a paused server')
  t.ok(await eventuallyDead(pid))
})

t.test('fillToOom() makes writes fail with OOM, clearFaults() undoes it', async (t) => {
  const redis = await startRedisServer(t)
  await redis.command('SET', 'before', 'v')
  await redis.fillToOom()
  await t.rejects(redis.command('SET', 'k', 'v'), /^OOM command not allowed/)
  t.equal(await redis.command('GET', 'before'), 'v', 'reads still work')
  await redis.clearFaults()
  t.equal(await redis.command('SET', 'k', 'v'), 'OK')
  t.equal(await redis.command('EXISTS', '__pad__'), '0', 'padding removed')
})

t.test('makeReadonlyReplica() makes writes fail with READONLY while reads work; clearFaults() undoes it', async (t) => {
  const redis = await startRedisServer(t)
  await redis.command('SET', 'before', 'v')
  await redis.makeReadonlyReplica()
  await t.rejects(redis.command('SET', 'k', 'v'), /^READONLY /)
  t.equal(await redis.command('GET', 'before'), 'v', 'stale reads are served')
  await redis.clearFaults()
  t.equal(await redis.command('SET', 'k', 'v'), 'OK')
})

t.test('requirePassword() disconnects clients and answers NOAUTH, command() authenticates', async (t) => {
  const redis = await startRedisServer(t)
  const existing = net.connect({ host: '127.0.0.1', port: redis.port })
  await once(existing, 'connect')
  const closed = once(existing, 'close')

  await redis.requirePassword('s3cret')
  await closed
  t.pass('an existing connection was killed')
  const unauthenticated = await respCommand(redis.port, ['SET', 'k', 'v'])
  t.ok(unauthenticated instanceof RedisReplyError, 'an error reply')
  t.match(unauthenticated instanceof Error ? unauthenticated.message : '', /^NOAUTH/)
  await t.rejects(respCommand(redis.port, ['PING'], { password: 'wrong' }), /WRONGPASS|invalid password/)
  t.equal(await redis.command('SET', 'k', 'v'), 'OK', 'command() sends AUTH first')

  await redis.clearFaults()
  t.equal(await respCommand(redis.port, ['GET', 'k']), 'v', 'no password needed any more')
})

t.test('clearFaults() undoes every fault at once, and is a no-op on a killed server', async (t) => {
  const redis = await startRedisServer(t)
  await redis.fillToOom()
  await redis.makeReadonlyReplica()
  await redis.requirePassword('pw')
  redis.pause()
  await redis.clearFaults()
  t.equal(await respCommand(redis.port, ['SET', 'k', 'v']), 'OK')
  await redis.kill()
  await redis.clearFaults()
  t.throws(() => redis.pause(), /not running/)
})

t.test('a server outlives no test process: killed on exit, and on SIGKILL of the parent', async (t) => {
  const helper = pathToFileURL(fileURLToPath(new URL('./redis-server.ts', import.meta.url))).href
  const script = `
    const { startRedisServer } = await import(${JSON.stringify(helper)})
    const redis = await startRedisServer()
    console.log(redis.pid, (await redis.command('CONFIG', 'GET', 'dir')).split('\\n')[1])
    if (process.argv[1] === 'sigkill') process.kill(process.pid, 'SIGKILL')
    else process.exit(0)
  `
  for (const how of ['exit', 'sigkill']) {
    const [pid, dir] = await new Promise<[number, string]>((resolve, reject) => {
      execFile(process.execPath, ['--input-type=module', '-e', script, how], { timeout: 8000 }, (error, stdout) => {
        const [pid = '', dir = ''] = stdout.trim().split(' ')
        if (/^\d+$/.test(pid) && dir !== '') resolve([Number(pid), dir])
        else reject(error ?? new Error(`no pid and dir printed: ${stdout}`))
      })
    })
    t.ok(await eventuallyDead(pid), `redis-server ${pid} died after its parent's ${how}`)
    if (how === 'exit') t.notOk(existsSync(dir), 'its temp dir was removed on exit')
    else rmSync(dir, { recursive: true, force: true })
  }
})
