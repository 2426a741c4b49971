import { createSocket } from 'node:dgram'
import type { RemoteInfo } from 'node:dgram'
import type { Test } from 'tap'

/** What the loopback server knows about a name; names it does not know get NXDOMAIN. */
export interface Records {
  a?: string[]
  /** Full form, eight groups. */
  aaaa?: string[]
  mx?: string[]
  /** Answer this much later; Infinity never answers. */
  delayMs?: number
}

export type Zone = Record<string, Records>

const TYPE = { A: 1, MX: 15, AAAA: 28 }
const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 }
const HEADER_BYTES = 12

/** `hang`: the server never answers; `servfail`: it answers every query with SERVFAIL. */
export interface ServerOptions {
  zone?: Zone
  mode?: 'answer' | 'hang' | 'servfail'
}

/** A DNS server on 127.0.0.1 (UDP, random port) answering A, AAAA and MX queries from `zone`. */
export async function startDnsServer (t: Test, options: ServerOptions = {}): Promise<{ address: string, queries: string[] }> {
  const zone = options.zone ?? {}
  const mode = options.mode ?? 'answer'
  const queries: string[] = []
  const socket = createSocket('udp4')
  const timers: Array<ReturnType<typeof setTimeout>> = []
  socket.on('message', (query: Buffer, peer: RemoteInfo) => {
    const question = parseQuestion(query)
    queries.push(question.name)
    if (mode === 'hang') return
    const records = zone[question.name]
    const delayMs = records?.delayMs ?? 0
    if (delayMs === Infinity) return
    const answer = mode === 'servfail' ? reply(query, question.end, RCODE.SERVFAIL, []) : answerFor(query, question, records)
    timers.push(setTimeout(() => socket.send(answer, peer.port, peer.address), delayMs))
  })
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  t.teardown(() => {
    for (const timer of timers) clearTimeout(timer)
    socket.close()
  })
  return { address: `127.0.0.1:${socket.address().port}`, queries }
}

function parseQuestion (query: Buffer): { name: string, type: number, end: number } {
  const labels: string[] = []
  let offset = HEADER_BYTES
  for (let length = query[offset] ?? 0; length > 0; length = query[offset] ?? 0) {
    labels.push(query.toString('latin1', offset + 1, offset + 1 + length))
    offset += 1 + length
  }
  return { name: labels.join('.').toLowerCase(), type: query.readUInt16BE(offset + 1), end: offset + 5 }
}

function answerFor (query: Buffer, question: { type: number, end: number }, records: Records | undefined): Buffer {
  if (records === undefined) return reply(query, question.end, RCODE.NXDOMAIN, [])
  const rdata = question.type === TYPE.A
    ? (records.a ?? []).map((ip) => Buffer.from(ip.split('.').map(Number)))
    : question.type === TYPE.AAAA
      ? (records.aaaa ?? []).map(ipv6Bytes)
      : question.type === TYPE.MX ? (records.mx ?? []).map(mxBytes) : []
  return reply(query, question.end, RCODE.NOERROR, rdata.map((data) => resourceRecord(question.type, data)))
}

function reply (query: Buffer, questionEnd: number, rcode: number, answers: Buffer[]): Buffer {
  const header = Buffer.alloc(HEADER_BYTES)
  header.writeUInt16BE(query.readUInt16BE(0), 0)
  // QR, AA, the query's RD, RA, and the response code.
  header.writeUInt16BE(0x8000 | 0x0400 | (query.readUInt16BE(2) & 0x0100) | 0x0080 | rcode, 2)
  header.writeUInt16BE(1, 4)
  header.writeUInt16BE(answers.length, 6)
  return Buffer.concat([header, query.subarray(HEADER_BYTES, questionEnd), ...answers])
}

function resourceRecord (type: number, data: Buffer): Buffer {
  const fixed = Buffer.alloc(12)
  fixed.writeUInt16BE(0xc00c, 0) // the name: a pointer to the question's
  fixed.writeUInt16BE(type, 2)
  fixed.writeUInt16BE(1, 4) // IN
  fixed.writeUInt32BE(60, 6)
  fixed.writeUInt16BE(data.length, 10)
  return Buffer.concat([fixed, data])
}

function ipv6Bytes (ip: string): Buffer {
  const bytes = Buffer.alloc(16)
  ip.split(':').forEach((group, i) => bytes.writeUInt16BE(Number.parseInt(group, 16), i * 2))
  return bytes
}

function mxBytes (host: string): Buffer {
  const labels = host.split('.').map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)]))
  return Buffer.concat([Buffer.from([0, 10]), ...labels, Buffer.from([0])])
}
