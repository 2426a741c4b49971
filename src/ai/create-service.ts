import type { TwoTierCache } from '../cache/index.ts'
import type { CachePolicies } from '../cache-policy.ts'
import type { AiConfig } from '../config.ts'
import { AiService } from './ai-service.ts'
import { createProvider } from './create-provider.ts'
import type { ResilienceObserver } from './resilience/resilience-observer.ts'
import type { AiObserver } from './telemetry.ts'

export interface AiServiceObservers {
  calls?: AiObserver | undefined
  /** One observer per provider name (`openai`, `local`): metric labels say whose answers they count. */
  resilience?: ((providerName: string) => ResilienceObserver) | undefined
}

/**
 * The AI service the config names and, when AI_FALLBACK=local and the provider is remote, a
 * local one behind it. The fallback is a service of its own on the same cache: its answers are
 * cached under the local provider's identity, never under the remote one's keys, so a recovered
 * provider is asked again.
 */
export function createAiService (config: AiConfig, policies: CachePolicies, cache: TwoTierCache, observers: AiServiceObservers = {}): AiService {
  const service = (provider: ReturnType<typeof createProvider>, fallback?: AiService) => new AiService(provider, cache, {
    policies,
    resilience: config.resilience,
    fallback,
    observer: observers.resilience?.(providerName(provider.id))
  })
  const fallback = config.fallback === 'local' && config.openai !== undefined
    ? service(createProvider({ ...config, openai: undefined }, observers.calls))
    : undefined
  return service(createProvider(config, observers.calls), fallback)
}

/** `openai:gpt-4o-mini` → `openai`: the `gen_ai.provider.name` the metrics use. */
export function providerName (providerId: string): string {
  return providerId.split(':')[0] ?? providerId
}
