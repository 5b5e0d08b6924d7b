import { config, type AppConfig } from '@/lib/config';

/**
 * Where a link in the agent's text may lead live: the app's own origin and each configured
 * seller's site. Everything else renders as text with its host shown (components/chat/markdown-parse.ts).
 */
export function chatLinkOrigins(appConfig: AppConfig = config()): string[] {
  const sellers = appConfig.externalSellers.map((seller) => new URL(seller.url).origin);
  return [...new Set([appConfig.origin, ...sellers])];
}
