import t from 'tap'
import { embedOnce, normalizeText, vectorOf } from '../../src/matching/embeddings.ts'
import { fakeEmbedder } from '../helpers/fit-fixtures.ts'

t.test('normalizeText ignores case and spacing', async (t) => {
  t.equal(normalizeText('  Node.JS \n  Developer '), 'node.js developer')
})

t.test('embedOnce: one call with the normalized texts, deduplicated in first-seen order', async (t) => {
  const fake = fakeEmbedder()
  const embeddings = await embedOnce(['Kafka', 'go', 'kafka', ' ', 'GO ', 'rust'], fake.embed)
  t.same(fake.calls, [['kafka', 'go', 'rust']])
  t.same([...embeddings.keys()], ['kafka', 'go', 'rust'])
  t.equal(vectorOf(embeddings, ' KAFKA'), embeddings.get('kafka'))
})

t.test('embedOnce makes no call when there is nothing to embed', async (t) => {
  const fake = fakeEmbedder()
  t.equal((await embedOnce(['', '  '], fake.embed)).size, 0)
  t.same(fake.calls, [])
})

t.test('embedOnce refuses an answer of the wrong length', async (t) => {
  await t.rejects(embedOnce(['a', 'b'], async () => [new Float32Array(2)]), /Asked for 2 embeddings, got 1/)
})

t.test('vectorOf a text that was not embedded is a bug', async (t) => {
  t.throws(() => vectorOf(new Map(), 'scala'), /No embedding for "scala"/)
})
