/**
 * The latency proxy as a process of its own: `node proxy-process.ts <redis port> <listen port> <delay ms>`.
 * In the bench process its timers would share an event loop with autocannon, and every
 * millisecond the load generator kept that loop busy would be added to Redis' latency.
 */
import { startLatencyProxy } from '../../test/helpers/latency-proxy.ts'

const [targetPort, port, delayMs] = process.argv.slice(2).map(Number)
if (targetPort === undefined || port === undefined || delayMs === undefined || [targetPort, port, delayMs].some(Number.isNaN)) {
  throw new Error('usage: proxy-process.ts <redis port> <listen port> <delay ms>')
}
await startLatencyProxy({ targetPort, port, delayMs })
