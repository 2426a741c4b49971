/**
 * Cosine similarity between two sets of embeddings. The vectors are L2-normalized, so the
 * cosine is the dot product. Each row's non-zero dimensions are listed once and only those are
 * multiplied: the local embedder's vectors have 5-25 non-zero dimensions out of 768, which makes
 * a warm scoring's matrix 30x cheaper (bench/RESULTS.md, profile section), and for a model's
 * dense vectors the list is every dimension, so nothing is lost. No per-pair allocation.
 */

/** Row-major: the similarity of row `i` and column `j` is `values[i * cols + j]`. */
export interface SimilarityMatrix {
  rows: number
  cols: number
  values: Float64Array
}

export interface BestMatch {
  /** Index of the most similar column, -1 when there are no columns. */
  index: number
  similarity: number
}

export function cosineSimilarityMatrix (rows: readonly Float32Array[], cols: readonly Float32Array[]): SimilarityMatrix {
  const dimensions = commonDimensions(rows, cols)
  const values = new Float64Array(rows.length * cols.length)
  const nonZero = new Int32Array(dimensions)
  rows.forEach((row, i) => {
    const count = listNonZero(row, nonZero)
    cols.forEach((col, j) => {
      let dot = 0
      for (let n = 0; n < count; n++) {
        const k = nonZero[n]!
        dot += row[k]! * col[k]!
      }
      // Rounding in normalization can push a vector's cosine with itself just past 1.
      values[i * cols.length + j] = Math.min(1, Math.max(-1, dot))
    })
  })
  return { rows: rows.length, cols: cols.length, values }
}

/** Writes the indexes of `vector`'s non-zero dimensions into `into`; returns how many. */
function listNonZero (vector: Float32Array, into: Int32Array): number {
  let count = 0
  for (let k = 0; k < vector.length; k++) if (vector[k] !== 0) into[count++] = k
  return count
}

/** The most similar column of each row; the first one wins a tie, so the answer is deterministic. */
export function bestMatchPerRow (matrix: SimilarityMatrix): BestMatch[] {
  const best: BestMatch[] = []
  for (let i = 0; i < matrix.rows; i++) {
    let index = -1
    let similarity = -Infinity
    for (let j = 0; j < matrix.cols; j++) {
      const value = matrix.values[i * matrix.cols + j]!
      if (value > similarity) {
        similarity = value
        index = j
      }
    }
    best.push({ index, similarity: index === -1 ? 0 : similarity })
  }
  return best
}

function commonDimensions (rows: readonly Float32Array[], cols: readonly Float32Array[]): number {
  const dimensions = rows[0]?.length ?? cols[0]?.length ?? 0
  for (const vector of [...rows, ...cols]) {
    if (vector.length !== dimensions) {
      throw new Error(`Cannot compare embeddings of ${vector.length} and ${dimensions} dimensions`)
    }
  }
  return dimensions
}
