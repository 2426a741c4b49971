// The Prometheus configuration and alerting rules, checked by Prometheus' own tool:
//   promtool check config grafana/prometheus/prometheus.yml   (also loads rules.yml through rule_files)
//   promtool check rules  grafana/prometheus/rules.yml
//   promtool test rules   grafana/prometheus/rules.test.yml   (every alert firing and staying silent)
//
// promtool comes with Debian's `prometheus` package, which .ci/run installs. When it is missing
// this test fails (it does not skip): an unchecked alert is an alert that may never fire.
import { execFile } from 'node:child_process'
import { accessSync, constants as fsConstants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TIMEOUT_MS = 60_000

function findOnPath (command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, command)
    try {
      accessSync(candidate, fsConstants.X_OK)
      return candidate
    } catch {}
  }
  return undefined
}

interface Run { code: number | string | null, output: string }

/** Runs promtool from the repository root; resolves with its exit code and combined output, never rejects. */
async function promtool (promtoolPath: string, args: string[]): Promise<Run> {
  return await new Promise<Run>((resolve) => {
    execFile(promtoolPath, args, { cwd: ROOT, timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = [stdout, stderr].filter((text) => text.trim() !== '').join('\n')
      if (error === null) resolve({ code: 0, output })
      else resolve({ code: error.code ?? error.signal ?? null, output: `${error.message}\n${output}` })
    })
  })
}

const promtoolPath = findOnPath('promtool')

if (promtoolPath === undefined) {
  t.fail('promtool is not on PATH: install Debian\'s `prometheus` package (apt-get install prometheus), as .ci/run does. ' +
    'Without it the alerting rules in grafana/prometheus/ go unchecked.')
} else {
  const checks: Array<{ name: string, args: string[], expect: RegExp }> = [
    {
      name: 'prometheus.yml is a valid config and loads rules.yml',
      args: ['check', 'config', 'grafana/prometheus/prometheus.yml'],
      expect: /SUCCESS: 1 rule files found/
    },
    {
      name: 'rules.yml is valid',
      args: ['check', 'rules', 'grafana/prometheus/rules.yml'],
      expect: /SUCCESS: \d+ rules found/
    },
    {
      name: 'rules.test.yml: every alert fires where it should and stays silent where it should not',
      args: ['test', 'rules', 'grafana/prometheus/rules.test.yml'],
      expect: /SUCCESS/
    }
  ]
  for (const check of checks) {
    t.test(check.name, async (t) => {
      const { code, output } = await promtool(promtoolPath, check.args)
      t.equal(code, 0, `promtool ${check.args.join(' ')} exits 0`, { output })
      if (code !== 0) t.comment(output)
      t.match(output, check.expect, 'promtool reports success')
    })
  }
}
