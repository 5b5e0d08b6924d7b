import { accountObject } from '../accounts';
import type { Route } from '../route';
import type { ApiObject } from '../store';

export const accountRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/account', handle: async (ctx) => accountObject(ctx.account) as ApiObject },
];
