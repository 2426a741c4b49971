import t from 'tap'
import type { Test } from 'tap'
import { bestMatchPerRow, cosineSimilarityMatrix } from '../../src/matching/similarity.ts'

function unit (...values: number[]): Float32Array {
  const norm = Math.hypot(...values)
  return Float32Array.from(values, (value) => value / norm)
}

const close = (t: Test, actual: number, expected: number) => t.ok(Math.abs(actual - expected) < 1e-6, `${actual} ≈ ${expected}`)

t.test('row-major matrix of dot products', async (t) => {
  const rows = [unit(1, 0, 0), unit(0, 1, 0)]
  const cols = [unit(1, 1, 0), unit(0, 0, 1), unit(1, 0, 0)]
  const matrix = cosineSimilarityMatrix(rows, cols)
  t.equal(matrix.rows, 2)
  t.equal(matrix.cols, 3)
  t.equal(matrix.values.length, 6)
  const expected = [Math.SQRT1_2, 0, 1, Math.SQRT1_2, 0, 0]
  expected.forEach((value, index) => close(t, matrix.values[index]!, value))
})

t.test('opposite vectors give -1, and rounding never leaves [-1, 1]', async (t) => {
  const almost = Float32Array.from([1.0000001, 0])
  const matrix = cosineSimilarityMatrix([almost], [almost, Float32Array.from([-1.0000001, 0])])
  t.same([...matrix.values], [1, -1])
})

t.test('best match per row: highest similarity, first one on a tie', async (t) => {
  const rows = [unit(1, 0), unit(0, 1), unit(1, 1)]
  const cols = [unit(1, 0), unit(0, 1), unit(0, 1)]
  const best = bestMatchPerRow(cosineSimilarityMatrix(rows, cols))
  t.same(best.map((match) => match.index), [0, 1, 0])
  close(t, best[0]!.similarity, 1)
  close(t, best[2]!.similarity, Math.SQRT1_2)
})

t.test('negative similarities still have a best match', async (t) => {
  const best = bestMatchPerRow(cosineSimilarityMatrix([unit(1, 0)], [unit(-1, 0), unit(-1, 1)]))
  t.equal(best[0]!.index, 1)
  close(t, best[0]!.similarity, -Math.SQRT1_2)
})

t.test('empty sides', async (t) => {
  const noCols = cosineSimilarityMatrix([unit(1, 0)], [])
  t.same({ rows: noCols.rows, cols: noCols.cols }, { rows: 1, cols: 0 })
  t.same(bestMatchPerRow(noCols), [{ index: -1, similarity: 0 }])
  const noRows = cosineSimilarityMatrix([], [unit(1, 0)])
  t.same(bestMatchPerRow(noRows), [])
  t.equal(cosineSimilarityMatrix([], []).values.length, 0)
})

t.test('vectors of different lengths are refused', async (t) => {
  t.throws(() => cosineSimilarityMatrix([unit(1, 0)], [unit(1, 0, 0)]), /3 and 2 dimensions/)
  t.throws(() => cosineSimilarityMatrix([unit(1, 0), unit(1, 0, 0)], []), /3 and 2 dimensions/)
})

t.test('a realistic batch: one best match per row, each a cosine in [-1, 1]', async (t) => {
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5
  const next = random(42)
  const vectors = (count: number) => Array.from({ length: count }, () => unit(...Array.from({ length: 768 }, next)))
  const rows = vectors(60)
  const cols = vectors(80)
  const best = bestMatchPerRow(cosineSimilarityMatrix(rows, cols))
  t.equal(best.length, 60)
  t.ok(best.every(({ index, similarity }) => index >= 0 && index < 80 && similarity >= -1 && similarity <= 1))
})
