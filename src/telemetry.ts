/**
 * OpenTelemetry bootstrap. It must run before Fastify, http and ioredis are loaded, so it is
 * not imported by the app: it is preloaded with `node --import ./dist/src/telemetry.js`
 * (see `npm start` and the Dockerfile). Without an OTLP endpoint, or with
 * OTEL_SDK_DISABLED=true, it does nothing and the cache spans stay no-ops.
 */
import { register } from 'node:module'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { startNodeSdk } from '@opentelemetry/sdk-node'
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace'
import { createAddHookMessageChannel } from 'import-in-the-middle'
import { parseTelemetryConfig } from './config.ts'
import { createInstrumentations } from './observability/instrumentations.ts'

const config = parseTelemetryConfig(process.env)

if (config.enabled) {
  // Stable database semantic conventions (db.system.name, db.operation.name, server.address)
  // for instrumentations that still default to the old ones; an explicit setting wins.
  process.env.OTEL_SEMCONV_STABILITY_OPT_IN ??= 'database'

  // ESM imports bypass require(): this loader hook lets the instrumentations patch modules
  // the app imports, for the modules they ask for and no others.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel()
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions)

  const sdk = startNodeSdk({
    resourceAttributes: { 'service.name': config.serviceName },
    // The exporter reads OTEL_EXPORTER_OTLP_* itself. Metrics stay with prom-client (/metrics)
    // and logs with pino (stdout), so the SDK exports traces only.
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })],
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: createInstrumentations()
  })
  await waitForAllMessagesAcknowledged()

  // Runs after the server's own SIGTERM handling has closed the app and the loop drains.
  process.once('beforeExit', () => { void sdk.shutdown() })
}
