import { accountObject } from '../accounts';
import { route } from '../route';
import type { ApiObject } from '../store';
import { noParams } from './common';

export const accountRoutes = [
  route({
    method: 'GET',
    pattern: '/v1/account',
    declared: 'Accounts#AccountRetrieveParams',
    params: noParams,
    handle: async (ctx) => accountObject(ctx.account) as ApiObject,
  }),
];
