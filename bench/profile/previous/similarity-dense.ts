/**
 * cosineSimilarityMatrix before the profile pointed at it: every dimension multiplied, each side
 * packed into one contiguous array first. Kept for the before/after row; same results.
 */
export function denseCosineSimilarityMatrix (rows: readonly Float32Array[], cols: readonly Float32Array[]): Float64Array {
  const dimensions = rows[0]?.length ?? 0
  const left = pack(rows, dimensions)
  const right = pack(cols, dimensions)
  const values = new Float64Array(rows.length * cols.length)
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < cols.length; j++) {
      let dot = 0
      for (let k = 0; k < dimensions; k++) dot += left[i * dimensions + k]! * right[j * dimensions + k]!
      values[i * cols.length + j] = Math.min(1, Math.max(-1, dot))
    }
  }
  return values
}

function pack (vectors: readonly Float32Array[], dimensions: number): Float32Array {
  const packed = new Float32Array(vectors.length * dimensions)
  vectors.forEach((vector, index) => packed.set(vector, index * dimensions))
  return packed
}
