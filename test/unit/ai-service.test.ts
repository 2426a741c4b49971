import t from 'tap'
import { AiService } from '../../src/ai/ai-service.ts'
import type { AiProvider } from '../../src/ai/provider.ts'
import type { ParsedCv, ParsedJob } from '../../src/ai/schemas.ts'
import { createCache } from '../../src/cache/index.ts'
import { parseConfig } from '../../src/config.ts'
import { cv, job } from '../helpers/fit-fixtures.ts'

const CACHE_SETTINGS = {
  ...parseConfig({}).cache,
  enabled: true,
  keyPrefix: 'test',
  l2CommandTimeoutMs: 50,
  breakerFailureThreshold: 5,
  breakerCooldownMs: 1000,
  l1MaxEntries: 10_000,
  l1MaxBytes: 16 * 1024 * 1024
}

/** A provider that records what it was asked, so the tests can count calls through the cache. */
class RecordingProvider implements AiProvider {
  readonly id: string
  readonly embeddingModel: string
  readonly embeddingDimensions: number
  readonly maxEmbeddingBatch: number
  readonly embedBatches: string[][] = []
  readonly calls: string[] = []

  constructor ({ id = 'test:v1', model = 'test-embedder', dimensions = 4, maxBatch = 100 } = {}) {
    this.id = id
    this.embeddingModel = model
    this.embeddingDimensions = dimensions
    this.maxEmbeddingBatch = maxBatch
  }

  async parseJobDescription (text: string): Promise<ParsedJob> {
    this.calls.push('parse_job')
    return job({ title: text.slice(0, 40) })
  }

  async parseCv (text: string): Promise<ParsedCv> {
    this.calls.push('parse_cv')
    return cv({ name: text.slice(0, 40) })
  }

  async extractIndustries (): Promise<['software']> {
    this.calls.push('extract_industries')
    return ['software']
  }

  async classifyRoleCategory (): Promise<'software_engineering'> {
    this.calls.push('classify_role')
    return 'software_engineering'
  }

  async embed (texts: readonly string[]): Promise<Float32Array[]> {
    this.embedBatches.push([...texts])
    return texts.map((text) => Float32Array.from({ length: this.embeddingDimensions }, (_, index) => text.length + index))
  }
}

function setup (provider = new RecordingProvider()) {
  const cache = createCache(CACHE_SETTINGS)
  return { provider, cache, service: new AiService(provider, cache) }
}

t.test('getEmbeddings: duplicates computed once, results in input order, one provider call', async (t) => {
  const { provider, service } = setup()
  const vectors = await service.getEmbeddings(['react', 'kubernetes', 'react', 'go'])
  t.same(provider.embedBatches, [['react', 'kubernetes', 'go']])
  t.same(vectors.map((vector) => vector[0]), [5, 10, 5, 2])
  t.equal(vectors[0], vectors[2], 'the same vector object for the same text')
})

t.test('getEmbeddings: a second call is answered by the cache, only new texts reach the provider', async (t) => {
  const { provider, service } = setup()
  await service.getEmbeddings(['react', 'kubernetes'])
  const again = await service.getEmbeddings(['kubernetes', 'react', 'terraform'])
  t.same(provider.embedBatches, [['react', 'kubernetes'], ['terraform']])
  t.same(again.map((vector) => vector[0]), [10, 5, 9])
  t.same(await service.getEmbeddings([]), [])
  t.equal(provider.embedBatches.length, 2, 'an empty batch asks nothing')
})

t.test('getEmbeddings: misses beyond maxEmbeddingBatch are split into batches of that size', async (t) => {
  const { provider, service } = setup(new RecordingProvider({ maxBatch: 2 }))
  await service.getEmbeddings(['a', 'bb', 'ccc', 'dddd', 'eeeee'])
  t.same(provider.embedBatches, [['a', 'bb'], ['ccc', 'dddd'], ['eeeee']])
})

t.test('getEmbedding is the batch form for one text', async (t) => {
  const { provider, service } = setup()
  t.same(Array.from(await service.getEmbedding('sql')), [3, 4, 5, 6])
  t.same(Array.from(await service.getEmbedding('sql')), [3, 4, 5, 6])
  t.equal(provider.embedBatches.length, 1)
})

t.test('vectors of another model or dimension count are never reused', async (t) => {
  const cache = createCache(CACHE_SETTINGS)
  const first = new RecordingProvider({ model: 'model-a' })
  const otherModel = new RecordingProvider({ model: 'model-b' })
  const otherDimensions = new RecordingProvider({ model: 'model-a', dimensions: 8 })
  await new AiService(first, cache).getEmbeddings(['python'])
  await new AiService(otherModel, cache).getEmbeddings(['python'])
  const wider = await new AiService(otherDimensions, cache).getEmbeddings(['python'])
  t.equal(otherModel.embedBatches.length, 1)
  t.equal(otherDimensions.embedBatches.length, 1)
  t.equal(wider[0]?.length, 8)
})

t.test('parsing and classification are cached per operation and input, keyed by provider', async (t) => {
  const cache = createCache(CACHE_SETTINGS)
  const provider = new RecordingProvider()
  const service = new AiService(provider, cache)
  const job = await service.parseJobDescription('Senior Backend Engineer')
  t.equal(job.title, 'Senior Backend Engineer')
  t.same(await service.parseJobDescription('  Senior   Backend Engineer '), job, 'white space does not change the key')
  t.equal((await service.parseCv('Jane Doe')).name, 'Jane Doe')
  await service.parseCv('Jane Doe')
  t.same(await service.extractIndustries('x'), ['software'])
  await service.extractIndustries('x')
  t.equal(await service.classifyRoleCategory('Engineer', 'x'), 'software_engineering')
  await service.classifyRoleCategory('Engineer', 'x')
  await service.classifyRoleCategory('Nurse', 'x')
  t.same(provider.calls, ['parse_job', 'parse_cv', 'extract_industries', 'classify_role', 'classify_role'])

  const other = new RecordingProvider({ id: 'other:v1' })
  await new AiService(other, cache).parseJobDescription('Senior Backend Engineer')
  t.same(other.calls, ['parse_job'], 'another provider does not read this one\'s answers')
})
