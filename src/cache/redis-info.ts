/** The few INFO fields an operator looks at first when the cache misbehaves. */
export interface RedisInfo {
  version: string | undefined
  role: string | undefined
  connectedClients: number | undefined
  usedMemoryBytes: number | undefined
  maxMemoryBytes: number | undefined
  maxMemoryPolicy: string | undefined
  keys: number
}

export const INFO_SECTIONS = ['server', 'clients', 'memory', 'replication', 'keyspace'] as const

export function parseRedisInfo (text: string): RedisInfo {
  const fields = new Map<string, string>()
  for (const line of text.split(/\r?\n/)) {
    const separator = line.indexOf(':')
    if (separator > 0 && !line.startsWith('#')) fields.set(line.slice(0, separator), line.slice(separator + 1))
  }
  const number = (name: string): number | undefined => {
    const value = fields.get(name)
    return value === undefined || !/^\d+$/.test(value) ? undefined : Number(value)
  }
  let keys = 0
  for (const [name, value] of fields) {
    const match = /^db\d+$/.test(name) ? /(?:^|,)keys=(\d+)/.exec(value) : null
    if (match !== null) keys += Number(match[1])
  }
  return {
    version: fields.get('redis_version'),
    role: fields.get('role'),
    connectedClients: number('connected_clients'),
    usedMemoryBytes: number('used_memory'),
    maxMemoryBytes: number('maxmemory'),
    maxMemoryPolicy: fields.get('maxmemory_policy'),
    keys
  }
}
