import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { settleWithin } from '../../src/ai/resilience/deadline.ts'

t.test('settleWithin: the outcome when it comes in time, else pending; a later rejection is handled', async (t) => {
  t.same(await settleWithin(Promise.resolve(1), 1000), { state: 'fulfilled', value: 1 })
  const error = new Error('failed')
  t.same(await settleWithin(Promise.reject(error), 1000), { state: 'rejected', error })
  t.same(await settleWithin(sleep(1000).then(() => 1), 10), { state: 'pending' })
  t.same(await settleWithin(sleep(50).then(() => { throw error }), 0), { state: 'pending' }, 'no wait at all; the rejection later is not unhandled')
  t.same(await settleWithin(Promise.resolve(2), 0), { state: 'fulfilled', value: 2 }, 'an already settled promise wins a zero wait')
  await sleep(100)
})
