/**
 * Just enough PromQL lexing to answer one question: which metric names does an expression read?
 * Tests use it to check that every dashboard panel, Grafana alert and Prometheus rule names only
 * metrics the service really exposes, so that a typo (`cache_get_failure_total`) fails CI instead
 * of drawing an empty panel or, worse, an alert that can never fire.
 *
 * What it does, in one left-to-right pass:
 * - string literals ("…", '…', `…`) are skipped (label_replace arguments, count_values labels);
 * - `# …` comments are skipped to the end of the line;
 * - `{…}` label matchers are skipped, except the metric-name forms `{__name__="x"}` and (Prometheus 3)
 *   a bare quoted name `{"x", job="y"}`, which do name a metric;
 * - `[…]` range and subquery selectors are skipped whole (`[5m]`, `[1h:1m]`, `[$__rate_interval]`);
 * - numbers (`0.99`, `1e-9`, `0x1f`, `Inf`, `NaN`) and durations outside brackets (`offset 5m`) are skipped;
 * - Grafana variables (`$__rate_interval`, `$namespace`, `${namespace}`) are skipped;
 * - an identifier followed by `(` is a function or an aggregation (`rate(`, `sum(`), not a metric;
 * - keywords (`by`, `without`, `on`, `ignoring`, `group_left`, `group_right`, `bool`, `and`, `or`,
 *   `unless`, `offset`, `atan2`; case-insensitive, as in PromQL) are skipped, and so is the label list in parentheses after
 *   `by`/`without`/`on`/`ignoring`/`group_left`/`group_right`;
 * - an aggregation operator written before its modifier (`sum by (x) (…)`) is not a metric either;
 * - every other identifier is a metric name.
 *
 * Limits (fine for the expressions we write; documented so nobody is surprised):
 * - it does not validate the syntax: `sum(` with no closing parenthesis passes. Only unterminated
 *   strings, braces and brackets and malformed label matchers are errors (PromQLScanError),
 *   because they would make the rest of the scan wrong;
 * - `{__name__=~"a|b"}` (a regex on the name) names no single metric and is ignored;
 * - a metric whose name is a keyword or aggregation operator (`sum`, `by`, …) is not recognized, nor
 *   one written directly before `(`; Prometheus itself would reject or misread those.
 */

const KEYWORDS = new Set([
  'by', 'without', 'on', 'ignoring', 'group_left', 'group_right',
  'bool', 'and', 'or', 'unless', 'offset', 'atan2',
  // literal numbers spelled as words
  'inf', 'nan'
])

/** Keywords whose optional parenthesised argument is a list of label names, not an expression. */
const LABEL_LIST_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right'])

/** Aggregation operators: `sum by (x) (…)` puts the modifier between the name and its `(`. */
const AGGREGATIONS = new Set([
  'sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values',
  'bottomk', 'topk', 'quantile', 'limitk', 'limit_ratio'
])

const IDENTIFIER = /[A-Za-z_:][A-Za-z0-9_:]*/y
const DURATION = /(?:\d+(?:ms|s|m|h|d|w|y))+(?![A-Za-z0-9_:])/y
const NUMBER = /(?:0[xX][0-9a-fA-F]+|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/y
const GRAFANA_VARIABLE = /\$(?:\{[^}]*\}|[A-Za-z0-9_]+)/y
const LABEL_NAME = /[A-Za-z_][A-Za-z0-9_]*/y
const MATCH_OPERATOR = /=~|!~|!=|=/y
const WHITESPACE = /\s*/y

export class PromQLScanError extends Error {
  constructor (message: string, expression: string, position: number) {
    super(`${message} at offset ${position} in: ${expression}`)
    this.name = 'PromQLScanError'
  }
}

/** Matches `pattern` (a sticky regex) at `position`; returns the matched text or undefined. */
function matchAt (pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position
  return pattern.exec(text)?.[0]
}

function skipWhitespace (text: string, position: number): number {
  return position + (matchAt(WHITESPACE, text, position)?.length ?? 0)
}

/** `position` is on the opening quote; returns the offset just after the closing one, and the value. */
function readString (text: string, position: number): { end: number, value: string } {
  const quote = text[position]
  let value = ''
  let i = position + 1
  while (i < text.length) {
    const char = text[i]
    if (char === quote) return { end: i + 1, value }
    // Backslash escapes exist in "…" and '…'; a `…` raw string has none.
    if (char === '\\' && quote !== '`') {
      value += text[i + 1] ?? ''
      i += 2
      continue
    }
    value += char
    i++
  }
  throw new PromQLScanError('unterminated string', text, position)
}

/**
 * `position` is on `{`. Skips the label matchers, collecting the metric names they spell out
 * (`__name__="x"` or a bare quoted name), and returns the offset after `}`.
 */
function readMatchers (text: string, position: number, names: string[]): number {
  let i = position + 1
  for (;;) {
    i = skipWhitespace(text, i)
    const char = text[i]
    if (char === undefined) throw new PromQLScanError('unterminated label matchers', text, position)
    if (char === '}') return i + 1
    if (char === ',') { i++; continue }
    // The label: a name, or (Prometheus 3) a quoted name.
    let label: string
    const quotedLabel = char === '"' || char === "'" || char === '`'
    if (quotedLabel) {
      const quoted = readString(text, i)
      label = quoted.value
      i = quoted.end
    } else {
      const name = matchAt(LABEL_NAME, text, i)
      if (name === undefined) throw new PromQLScanError(`unexpected ${JSON.stringify(char)} in label matchers`, text, i)
      label = name
      i += name.length
    }
    i = skipWhitespace(text, i)
    const operator = matchAt(MATCH_OPERATOR, text, i)
    if (operator === undefined) {
      // No operator: only a quoted metric name may stand alone, `{"cache_hits_total", tier="l1"}`.
      if (!quotedLabel) throw new PromQLScanError(`label ${label} has no match operator`, text, i)
      names.push(label)
      continue
    }
    i = skipWhitespace(text, i + operator.length)
    const quote = text[i]
    if (quote !== '"' && quote !== "'" && quote !== '`') throw new PromQLScanError('label value must be a string', text, i)
    const value = readString(text, i)
    i = value.end
    if (label === '__name__' && operator === '=') names.push(value.value)
  }
}

/** `position` is on `open`; returns the offset after the matching `close`, skipping strings. */
function skipBalanced (text: string, position: number, open: string, close: string): number {
  let depth = 0
  let i = position
  while (i < text.length) {
    const char = text[i]
    if (char === '"' || char === "'" || char === '`') {
      i = readString(text, i).end
      continue
    }
    if (char === open) depth++
    if (char === close && --depth === 0) return i + 1
    i++
  }
  throw new PromQLScanError(`unterminated ${open}`, text, position)
}

/** The metric names `expression` reads, each once, in order of first appearance. */
export function metricNames (expression: string): string[] {
  const names: string[] = []
  let i = 0
  while (i < expression.length) {
    const char = expression[i] as string
    if (/\s/.test(char)) { i++; continue }
    if (char === '#') {
      const newline = expression.indexOf('\n', i)
      i = newline === -1 ? expression.length : newline + 1
      continue
    }
    if (char === '"' || char === "'" || char === '`') { i = readString(expression, i).end; continue }
    if (char === '{') { i = readMatchers(expression, i, names); continue }
    if (char === '[') { i = skipBalanced(expression, i, '[', ']'); continue }
    if (char === '$') {
      i += matchAt(GRAFANA_VARIABLE, expression, i)?.length ?? 1
      continue
    }
    // A duration before a number: `5m` must not read as the number 5 and the metric `m`.
    const number = matchAt(DURATION, expression, i) ?? matchAt(NUMBER, expression, i)
    if (number !== undefined) { i += number.length; continue }

    const identifier = matchAt(IDENTIFIER, expression, i)
    if (identifier === undefined) { i++; continue } // operators, parentheses, commas, `@`
    i += identifier.length
    const next = skipWhitespace(expression, i)
    const lower = identifier.toLowerCase()
    if (LABEL_LIST_KEYWORDS.has(lower)) {
      // `by (le, route)`, `on (instance)`, `group_left (extra)`; group_left may also stand alone.
      if (expression[next] === '(') i = skipBalanced(expression, next, '(', ')')
      continue
    }
    if (KEYWORDS.has(lower) || AGGREGATIONS.has(lower)) continue
    if (expression[next] === '(') continue // a function call: rate(, histogram_quantile(, clamp_min(
    names.push(identifier)
  }
  return [...new Set(names)]
}

/**
 * Metric names a Prometheus text exposition defines, from its `# TYPE name kind` lines (they are
 * printed even for a labelled metric that has no sample yet). A counter or gauge is queried by its
 * name; a histogram only through `name_bucket`, `name_sum` and `name_count` (the bare name is no
 * series in the text format); a summary by its name (the quantiles), `name_sum` and `name_count`.
 */
export function exposedMetricNames (exposition: string): Set<string> {
  const names = new Set<string>()
  for (const line of exposition.split('\n')) {
    const match = /^# TYPE ([A-Za-z_:][A-Za-z0-9_:]*) (\w+)\s*$/.exec(line)
    if (match === null) continue
    const [, name = '', kind = ''] = match
    if (kind === 'histogram') {
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix)
    } else if (kind === 'summary') {
      for (const suffix of ['', '_sum', '_count']) names.add(name + suffix)
    } else {
      names.add(name)
    }
  }
  return names
}

/** The metric names in `expression` that are not in `known`. */
export function unknownMetricNames (expression: string, known: ReadonlySet<string>): string[] {
  return metricNames(expression).filter((name) => !known.has(name))
}
