/**
 * Chooses the skill-match thresholds of an embedder on the dev pairs of pairs.txt and reports
 * precision and recall on dev and held-out pairs:
 *
 *   bash .ci/with-node node eval/skill-pairs/run.ts [semantic|lexical]
 *
 * The committed thresholds live in src/matching/data/skill-thresholds.json, with these figures.
 */
import { LexicalEmbedder } from '../../src/ai/local/embedders/lexical.ts'
import type { LocalEmbedder } from '../../src/ai/local/embedders/local-embedder.ts'
import { SemanticEmbedder } from '../../src/ai/local/embedders/semantic.ts'
import { skillThresholdsFor } from '../../src/matching/skill-thresholds.ts'
import { loadSkillPairs } from './pairs.ts'
import { chooseThresholds, reportThresholds, scorePairs } from './thresholds.ts'

const kind = process.argv[2] ?? 'semantic'
const embedder: LocalEmbedder = kind === 'lexical'
  ? new LexicalEmbedder(768)
  : new SemanticEmbedder({ dimensions: 768, threads: 1, timeoutMs: 120_000, maxHeapMb: 512 })
try {
  const scored = await scorePairs(loadSkillPairs(), (texts) => embedder.embed(texts))
  const chosen = chooseThresholds(scored)
  const committed = skillThresholdsFor(embedder.id)
  const byLabel = Object.fromEntries(['equivalent', 'related', 'different', 'unrelated'].map((label) => {
    const values = scored.filter((pair) => pair.label === label).map((pair) => pair.similarity).sort((a, b) => a - b)
    return [label, { n: values.length, min: values[0]?.toFixed(3), median: values[Math.floor(values.length / 2)]?.toFixed(3), max: values.at(-1)?.toFixed(3) }]
  }))
  console.log(JSON.stringify({
    embedder: embedder.id,
    similarity_by_label: byLabel,
    chosen_on_dev: chosen,
    committed,
    with_committed: {
      dev: reportThresholds(scored.filter((pair) => pair.split === 'dev'), committed),
      heldout: reportThresholds(scored.filter((pair) => pair.split === 'heldout'), committed)
    }
  }, null, 2))
} finally {
  await embedder.close()
}
