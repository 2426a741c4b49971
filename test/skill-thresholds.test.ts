import t from 'tap'
import { LexicalEmbedder } from '../src/ai/local/embedders/lexical.ts'
import { SemanticEmbedder } from '../src/ai/local/embedders/semantic.ts'
import { skillThresholdsFor } from '../src/matching/skill-thresholds.ts'
import { loadSkillPairs } from '../eval/skill-pairs/pairs.ts'
import { chooseThresholds, reportThresholds, scorePairs } from '../eval/skill-pairs/thresholds.ts'

const pairs = loadSkillPairs()

t.test('the labelled pairs: over 300, every label, a dev and a held-out split', async (t) => {
  t.ok(pairs.length >= 300, `${pairs.length} pairs`)
  for (const label of ['equivalent', 'related', 'different', 'unrelated']) t.ok(pairs.some((pair) => pair.label === label), label)
  const dev = pairs.filter((pair) => pair.split === 'dev').length
  t.ok(dev > pairs.length * 0.5 && dev < pairs.length * 0.7, `dev ${dev} of ${pairs.length}`)
})

t.test('the semantic thresholds are what the dev pairs choose, and hold on the held-out pairs', async (t) => {
  const embedder = new SemanticEmbedder({ dimensions: 768, threads: 1, timeoutMs: 120_000, maxHeapMb: 512 })
  t.teardown(() => embedder.close())
  const scored = await scorePairs(pairs, (texts) => embedder.embed(texts))
  const committed = skillThresholdsFor(embedder.id)
  t.same(chooseThresholds(scored), committed, 'src/matching/data/skill-thresholds.json matches the data')
  const heldout = reportThresholds(scored.filter((pair) => pair.split === 'heldout'), committed)
  t.ok(heldout.match.precision >= 0.85, `held-out match precision ${heldout.match.precision}`)
  t.ok(heldout.match.recall >= 0.8, `held-out match recall ${heldout.match.recall}`)
  t.ok(heldout.credit.precision >= 0.85, `held-out credit precision ${heldout.credit.precision}`)
})

t.test('the lexical thresholds are kept and reported; an unknown embedder gets the default', async (t) => {
  const lexical = new LexicalEmbedder(768)
  const scored = await scorePairs(pairs, (texts) => lexical.embed(texts))
  const report = reportThresholds(scored.filter((pair) => pair.split === 'heldout'), skillThresholdsFor(lexical.id))
  t.ok(report.match.precision >= 0.9, `lexical held-out match precision ${report.match.precision}`)
  t.equal(report.unrelatedWithCredit, 0, 'no unrelated pair earns credit lexically')
  t.same(skillThresholdsFor('text-embedding-3-small'), { match: 0.75, partialFloor: 0.6 })
})
