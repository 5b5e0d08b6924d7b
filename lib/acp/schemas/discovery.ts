import { z } from 'zod';

export const DiscoveryDocument = z.object({
  protocol: z.object({
    name: z.literal('acp'),
    version: z.string(),
    supported_versions: z.array(z.string()),
    documentation_url: z.string().optional(),
  }),
  api_base_url: z.string(),
  transports: z.array(z.enum(['rest', 'mcp'])),
  capabilities: z.object({
    services: z.array(z.enum(['checkout', 'orders', 'delegate_payment', 'carts'])),
    extensions: z
      .array(z.object({ name: z.string(), spec: z.string().optional(), schema: z.string().optional() }))
      .optional(),
    intervention_types: z.array(z.enum(['3ds', 'biometric', 'address_verification'])).optional(),
    supported_currencies: z.array(z.string()).optional(),
    supported_locales: z.array(z.string()).optional(),
  }),
});
export type DiscoveryDocument = z.infer<typeof DiscoveryDocument>;
