import { accountRoutes } from './resources/accounts';
import { chargeRoutes } from './resources/charges';
import { customerRoutes } from './resources/customers';
import { eventRoutes } from './resources/events';
import { grantedTokenRoutes } from './resources/granted-tokens';
import { issuedTokenRoutes } from './resources/issued-tokens';
import { paymentIntentRoutes } from './resources/payment-intents';
import { paymentMethodRoutes } from './resources/payment-methods';
import { refundRoutes } from './resources/refunds';
import { setupIntentRoutes } from './resources/setup-intents';
import { webhookEndpointRoutes } from './resources/webhook-endpoints';
import type { Route } from './route';

export const ROUTES: Route[] = [
  ...accountRoutes,
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...setupIntentRoutes,
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...issuedTokenRoutes,
  ...grantedTokenRoutes,
  ...eventRoutes,
  ...webhookEndpointRoutes,
];

interface CompiledRoute {
  route: Route;
  segments: string[];
}

const COMPILED: CompiledRoute[] = ROUTES.map((route) => ({
  route,
  segments: route.pattern.split('/').filter(Boolean),
}));

export interface RouteMatch {
  route: Route;
  path: Record<string, string>;
}

/** Finds the route for a method and path; `null` when the URL is unknown, `'method'` when only the method is wrong. */
export function matchRoute(method: string, pathname: string): RouteMatch | null {
  const parts = pathname.split('/').filter(Boolean);
  for (const { route, segments } of COMPILED) {
    if (route.method !== method || segments.length !== parts.length) continue;
    const path: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < segments.length; i++) {
      if (segments[i].startsWith(':')) {
        let value: string;
        try {
          value = decodeURIComponent(parts[i]);
        } catch {
          matched = false;
          break;
        }
        path[segments[i].slice(1)] = value;
      } else if (segments[i] !== parts[i]) {
        matched = false;
        break;
      }
    }
    if (matched) return { route, path };
  }
  return null;
}
