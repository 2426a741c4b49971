/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) and sums self time: per function
 * (name + file + line), and per component, where a builtin or Node.js internal is charged to the
 * nearest project file or npm package that called it (a `RegExp: \s+` to the file whose code ran
 * the regex, a socket write to the client library that wrote).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}

interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}

export interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  samples: number[]
  /** µs since the previous sample (the first one: since `startTime`). */
  timeDeltas: number[]
}

export interface HotFunction {
  name: string
  location: string
  /** Its own component, or the one that called it for builtins and Node.js internals. */
  component: string
  selfUs: number
}

export interface ProfileSummary {
  /** Sampled time inside the intervals, idle included. */
  totalUs: number
  idleUs: number
  functions: HotFunction[]
  components: Array<{ component: string, selfUs: number }>
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const HARNESS = 'benchmark harness (bench/, test/)'
const NODE_INTERNALS = 'Node.js internals'
/** V8's pseudo-frames that are components of their own; (root) is not: what runs under it directly is Node's event loop. */
const PSEUDO_FRAMES = new Set(['(garbage collector)', '(program)', '(idle)'])

/** The project file or npm package a frame belongs to; undefined for builtins and node: modules. */
function ownComponent (frame: CallFrame): string | undefined {
  if (PSEUDO_FRAMES.has(frame.functionName) && frame.url === '') return frame.functionName
  if (!frame.url.startsWith('file://')) return undefined
  const relative = path.relative(REPO_ROOT, fileURLToPath(frame.url))
  const packagePath = relative.split('node_modules/').at(-1)!
  if (packagePath !== relative) {
    const [first, second] = packagePath.split('/')
    return `npm: ${first?.startsWith('@') === true ? `${first}/${second}` : first}`
  }
  return /^(bench|test)\//.test(relative) ? HARNESS : relative
}

function location (frame: CallFrame): string {
  if (frame.url === '') return '(native)'
  const where = frame.url.startsWith('file://') ? path.relative(REPO_ROOT, fileURLToPath(frame.url)) : frame.url
  return `${where}:${frame.lineNumber + 1}`
}

/** For each node: its function key and its component, inherited from the nearest owned ancestor. */
function describeNodes (profile: CpuProfile): Map<number, { key: string, fn: Omit<HotFunction, 'selfUs'> }> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parentOf = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)
  const componentOf = new Map<number, string>()
  const resolve = (id: number): string => {
    const known = componentOf.get(id)
    if (known !== undefined) return known
    const own = ownComponent(byId.get(id)!.callFrame)
    const parent = parentOf.get(id)
    const component = own ?? (parent === undefined ? NODE_INTERNALS : resolve(parent))
    componentOf.set(id, component)
    return component
  }
  const described = new Map<number, { key: string, fn: Omit<HotFunction, 'selfUs'> }>()
  for (const node of profile.nodes) {
    const frame = node.callFrame
    const fn = { name: frame.functionName === '' ? '(anonymous)' : frame.functionName, location: location(frame), component: resolve(node.id) }
    described.set(node.id, { key: `${fn.name}\u0000${fn.location}\u0000${fn.component}`, fn })
  }
  return described
}

function addTo<K> (totals: Map<K, number>, key: K, us: number): void {
  totals.set(key, (totals.get(key) ?? 0) + us)
}

/**
 * Self time of the samples taken inside `intervals` (sorted, [start, end] µs on the profile's
 * clock). A sample stands for the time until the next one, as in Chrome DevTools.
 */
export function summarize (profile: CpuProfile, intervals: ReadonlyArray<readonly [number, number]>): ProfileSummary {
  const described = describeNodes(profile)
  const byFunction = new Map<string, number>()
  const byComponent = new Map<string, number>()
  let totalUs = 0
  let idleUs = 0
  let time = profile.startTime
  let current = 0
  profile.samples.forEach((nodeId, index) => {
    time += profile.timeDeltas[index] ?? 0
    while (current < intervals.length && intervals[current]![1] < time) current++
    const interval = intervals[current]
    if (interval === undefined || time < interval[0]) return
    const us = profile.timeDeltas[index + 1] ?? 0
    const { key, fn } = described.get(nodeId)!
    totalUs += us
    if (fn.name === '(idle)') idleUs += us
    addTo(byFunction, key, us)
    addTo(byComponent, fn.component, us)
  })
  const functionOf = new Map([...described.values()].map(({ key, fn }) => [key, fn]))
  return {
    totalUs,
    idleUs,
    functions: [...byFunction].map(([key, selfUs]) => ({ ...functionOf.get(key)!, selfUs })).sort((a, b) => b.selfUs - a.selfUs),
    components: [...byComponent].map(([component, selfUs]) => ({ component, selfUs })).sort((a, b) => b.selfUs - a.selfUs)
  }
}
