/** ACP 2026-04-17 types and zod schemas, safe to import anywhere (no Node APIs, no JSON Schema bundle). */
export * from './schemas/common';
export * from './schemas/session';
export * from './schemas/order';
export * from './schemas/requests';
export * from './schemas/discovery';
export * from './version';
