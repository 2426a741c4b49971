/**
 * What every benchmark section hands back. Sections measure; index.ts writes RESULTS.md from
 * these, so a section never formats the whole file and a partial run (`--only`) keeps the
 * other sections' last results (bench/.out/<id>.json).
 */
export interface TargetResult {
  /** What is checked, e.g. "hung phase p99 within 1.5x healthy". */
  name: string
  /** The goal as written in the issue, e.g. "<= 1.5x". */
  target: string
  /** What this run measured, e.g. "1.12x (p99 4.1 ms vs 3.7 ms)". */
  measured: string
  met: boolean
  /** A figure reported for contrast (the baselines), not a goal: shown as "measured", never as met or missed. */
  descriptive?: boolean
  /** When missed: by how much and why. */
  note?: string
}

export interface SectionResult {
  id: string
  title: string
  /** Tables and short prose, GitHub markdown, no top-level heading (index.ts adds it). */
  markdown: string
  targets: TargetResult[]
  /** Seconds the section took. */
  durationSeconds: number
}

export interface Section {
  id: string
  title: string
  run (): Promise<Omit<SectionResult, 'id' | 'title' | 'durationSeconds'>>
}

/** A markdown table; cells are written as given. */
export function table (header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

export function ms (value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(1)} ms` : `${value.toFixed(3)} ms`
}

export function ratio (value: number): string {
  return `${value.toFixed(2)}x`
}
