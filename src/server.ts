import { buildApp } from './app.ts'
import { ConfigError, parseConfig } from './config.ts'

/**
 * The process entry point: read the config, listen, and on SIGTERM/SIGINT stop taking new
 * connections, let in-flight requests finish, flush cache writes and close Redis.
 */
async function main (): Promise<void> {
  const config = parseConfig(process.env)
  const app = await buildApp(config)
  let closing = false
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    const forced = setTimeout(() => {
      app.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting')
      process.exit(1)
    }, config.shutdownTimeoutMs).unref()
    app.close().then(
      () => { clearTimeout(forced); app.log.info('shut down cleanly') },
      (error: unknown) => { app.log.error({ err: error }, 'error while shutting down'); process.exitCode = 1 }
    )
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
  await app.listen({ port: config.port, host: config.host })
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
