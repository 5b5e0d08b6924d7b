import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { stripeObjects } from '@/lib/db/schema';
import { stringParam } from '../params';
import type { Route } from '../route';
import { listObjects, requireObject } from '../store';
import { listShape, read } from './common';

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/events',
    handle: async (ctx) => {
      const p = read(ctx, {
        ...listShape,
        type: stringParam.optional(),
        types: z.array(z.string()).optional(),
      });
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
  },
  {
    method: 'GET',
    pattern: '/v1/events/:id',
    handle: async (ctx) => (await requireObject(ctx.db, ctx.account.id, 'event', ctx.path.id)).data,
  },
];
