import t from 'tap'
import { SingleFlight } from '../../src/cache/single-flight.ts'

t.test('concurrent runs for one key share one call of work', async (t) => {
  const flights = new SingleFlight()
  let calls = 0
  const work = async (): Promise<string> => {
    calls++
    await new Promise((resolve) => setImmediate(resolve))
    return 'value'
  }
  const results = await Promise.all([flights.run('k', work), flights.run('k', work), flights.run('k', work)])
  t.equal(calls, 1)
  t.same(results, ['value', 'value', 'value'])
  t.equal(flights.size, 0, 'the key is freed once done')
})

t.test('different keys run separately', async (t) => {
  const flights = new SingleFlight()
  const calls: string[] = []
  const results = await Promise.all(['a', 'b'].map((key) => flights.run(key, async () => {
    calls.push(key)
    return key.toUpperCase()
  })))
  t.same(calls, ['a', 'b'])
  t.same(results, ['A', 'B'])
})

t.test('a rejection is shared and frees the key', async (t) => {
  const flights = new SingleFlight()
  let calls = 0
  const failing = async (): Promise<string> => {
    calls++
    await new Promise((resolve) => setImmediate(resolve))
    throw new Error('boom')
  }
  const outcomes = await Promise.allSettled([flights.run('k', failing), flights.run('k', failing)])
  t.equal(calls, 1)
  t.ok(outcomes.every((outcome) => outcome.status === 'rejected' && outcome.reason.message === 'boom'))
  t.equal(await flights.run('k', async () => 'again'), 'again', 'a later call runs its own work')
})

t.test('a work function that throws synchronously gives a rejected promise', async (t) => {
  const flights = new SingleFlight()
  const syncThrow = (): Promise<string> => { throw new Error('sync') }
  let returned: Promise<string> | undefined
  t.doesNotThrow(() => { returned = flights.run('k', syncThrow) }, 'run() does not throw')
  if (returned !== undefined) await t.rejects(returned, { message: 'sync' })
  t.equal(flights.size, 0, 'the key is not left in flight')
})
