/**
 * Cosine similarity between two sets of embeddings. The vectors are L2-normalized, so the
 * cosine is the dot product. Each side is copied once into one contiguous Float32Array: the
 * inner loop then walks two flat typed arrays with no per-pair allocation, and a 60×60 matrix
 * of 768-dimension vectors stays well under a millisecond.
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
  const left = pack(rows, dimensions)
  const right = pack(cols, dimensions)
  const values = new Float64Array(rows.length * cols.length)
  for (let i = 0; i < rows.length; i++) {
    const rowStart = i * dimensions
    for (let j = 0; j < cols.length; j++) {
      const colStart = j * dimensions
      let dot = 0
      for (let k = 0; k < dimensions; k++) dot += left[rowStart + k]! * right[colStart + k]!
      // Rounding in normalization can push a vector's cosine with itself just past 1.
      values[i * cols.length + j] = Math.min(1, Math.max(-1, dot))
    }
  }
  return { rows: rows.length, cols: cols.length, values }
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

function pack (vectors: readonly Float32Array[], dimensions: number): Float32Array {
  const packed = new Float32Array(vectors.length * dimensions)
  vectors.forEach((vector, index) => packed.set(vector, index * dimensions))
  return packed
}
