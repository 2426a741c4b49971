import t from 'tap'
import { embedLexically } from '../../src/ai/local/lexical-embedder.ts'

const DIMENSIONS = 256

function cosine (a: string, b: string, dimensions = DIMENSIONS): number {
  const x = embedLexically(a, dimensions)
  const y = embedLexically(b, dimensions)
  let dot = 0
  for (let i = 0; i < dimensions; i++) dot += (x[i] as number) * (y[i] as number)
  return dot
}

function norm (vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0))
}

t.test('honours the dimensions and is L2-normalized', async (t) => {
  for (const dimensions of [1, 8, 256, 1536]) {
    for (const text of ['kubernetes', 'Registered nurse with ICU experience', '']) {
      const vector = embedLexically(text, dimensions)
      t.ok(vector instanceof Float32Array)
      t.equal(vector.length, dimensions)
      t.ok(Math.abs(norm(vector) - 1) < 1e-6, `${dimensions}: "${text}" has norm ${norm(vector)}`)
    }
  }
})

t.test('deterministic: same text, same vector, on every run', async (t) => {
  t.same(embedLexically('Senior Go engineer', DIMENSIONS), embedLexically('Senior Go engineer', DIMENSIONS))
  // Pinned values: a change here changes every cached embedding and must bump the provider id.
  t.same(Array.from(embedLexically('kubernetes', 8), (value) => Number(value.toFixed(4))),
    [-0.5774, -0.5774, 0, 0.2887, 0, 0.2887, 0.2887, 0.2887])
})

t.test('case and punctuation do not matter', async (t) => {
  t.same(embedLexically('Kubernetes!', DIMENSIONS), embedLexically('kubernetes', DIMENSIONS))
  t.same(embedLexically('  patient   care ', DIMENSIONS), embedLexically('Patient care', DIMENSIONS))
})

t.test('every spelling of a skill embeds the same', async (t) => {
  const spellings: Array<[string, string]> = [
    ['k8s', 'kubernetes'],
    ['react.js', 'react'],
    ['Postgres', 'postgresql'],
    ['golang', 'go'],
    ['TS', 'typescript'],
    ['ML', 'machine learning'],
    ['amazon web services', 'AWS'],
    ['BLS', 'basic life support']
  ]
  for (const [a, b] of spellings) t.same(embedLexically(a, DIMENSIONS), embedLexically(b, DIMENSIONS), `${a} = ${b}`)
  t.same(embedLexically('K8s clusters', DIMENSIONS), embedLexically('kubernetes clusters', DIMENSIONS), 'inside a phrase too')
})

t.test('similar phrases are close', async (t) => {
  const similar: Array<[string, string]> = [
    ['postgresql', 'postgresql database'],
    ['react', 'react.js developer'],
    ['machine learning', 'machine learning engineering'],
    ['software engineer', 'software engineering'],
    ['experience with kubernetes', 'kubernetes']
  ]
  for (const [a, b] of similar) {
    const similarity = cosine(a, b)
    t.ok(similarity > 0.6, `${a} ~ ${b}: ${similarity.toFixed(3)}`)
  }
})

t.test('unrelated phrases are far apart', async (t) => {
  const unrelated: Array<[string, string]> = [
    ['kubernetes', 'patient care'],
    ['financial modeling', 'wound care'],
    ['seo', 'welding'],
    ['python', 'java'],
    ['lesson planning', 'docker']
  ]
  for (const [a, b] of unrelated) {
    for (const dimensions of [DIMENSIONS, 1536]) {
      const similarity = cosine(a, b, dimensions)
      t.ok(similarity < 0.2, `${a} / ${b} at ${dimensions}: ${similarity.toFixed(3)}`)
    }
  }
})

t.test('a text without words is the unit vector on dimension 0', async (t) => {
  const unit = new Float32Array(DIMENSIONS)
  unit[0] = 1
  for (const text of ['', '   ', '!!! ---', 'the and of']) t.same(embedLexically(text, DIMENSIONS), unit, JSON.stringify(text))
})

t.test('rejects dimensions that are not a positive integer', async (t) => {
  for (const dimensions of [0, -1, 1.5, Number.NaN]) {
    t.throws(() => embedLexically('text', dimensions), RangeError, String(dimensions))
  }
})
