import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { stripeObjects } from '@/lib/db/schema';
import { stringParam } from '../params';
import { route } from '../route';
import { listObjects, requireObject } from '../store';
import { listShape, noParams, paramsSchema } from './common';

const listParams = paramsSchema({
  ...listShape,
  type: stringParam.optional(),
  types: z.array(z.string()).optional(),
});

export const eventRoutes = [
  route({
    method: 'GET',
    pattern: '/v1/events',
    declared: 'Events#EventListParams',
    params: listParams,
    handle: async (ctx, p) => {
      const types = p.types ?? (p.type ? [p.type] : undefined);
      return listObjects(
        ctx.db,
        {
          accountId: ctx.account.id,
          type: 'event',
          url: '/v1/events',
          filter: types ? inArray(stripeObjects.parent, types) : undefined,
        },
        p,
      );
    },
  }),
  route({
    method: 'GET',
    pattern: '/v1/events/:id',
    declared: 'Events#EventRetrieveParams',
    params: noParams,
    handle: async (ctx) => (await requireObject(ctx.db, ctx.account.id, 'event', ctx.path.id)).data,
  }),
];
