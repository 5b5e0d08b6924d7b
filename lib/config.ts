import { z } from 'zod';

/** The three demo merchants served by this app; each may get its own Stripe account by environment. */
export const DEMO_SELLER_IDS = ['summit-outfitters', 'volt-audio', 'kissa-tokyo'] as const;
export type DemoSellerId = (typeof DEMO_SELLER_IDS)[number];

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const optionalUrl = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .url({ message: `${name} must be a URL such as http://localhost:11434/v1.` })
      .optional(),
  );

const externalSeller = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'seller ids use lowercase letters, digits and dashes'),
  name: z.string().min(1),
  url: z.string().url(),
  apiKey: z.string().min(1),
  webhookSecret: z.string().min(1).optional(),
});
export type ExternalSellerConfig = z.infer<typeof externalSeller>;

/**
 * The offline model answers in about a millisecond; a short pause between words lets the buyer see
 * the answer stream as it would from a hosted model (the streaming UI, Stop, the live region).
 */
const OFFLINE_WORD_DELAY_MS = 12;

const env = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  AISLE_ORIGIN: optionalUrl('AISLE_ORIGIN'),
  AISLE_INTERNAL_ORIGIN: optionalUrl('AISLE_INTERNAL_ORIGIN'),
  AISLE_SECRET: z.preprocess(
    blankToUndefined,
    z.string().min(32, { message: 'AISLE_SECRET must be at least 32 characters long.' }).optional(),
  ),
  AISLE_DATA_DIR: optionalString,
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://.' })
      .optional(),
  ),
  OPENAI_API_KEY: optionalString,
  OPENAI_MODEL: optionalString,
  OPENAI_BASE_URL: optionalUrl('OPENAI_BASE_URL'),
  OPENAI_API: z.preprocess(
    blankToUndefined,
    z.enum(['responses', 'chat'], { message: 'OPENAI_API must be "responses" or "chat".' }).optional(),
  ),
  OPENAI_IDLE_TIMEOUT_SECONDS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1).max(600).default(20),
  ),
  OPENAI_MAX_OUTPUT_TOKENS: z.preprocess(blankToUndefined, z.coerce.number().int().min(64).default(1024)),
  STRIPE_SECRET_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^(sk|rk)_test_/, {
        message: 'STRIPE_SECRET_KEY must be a test-mode key (sk_test_… or rk_test_…).',
      })
      .optional(),
  ),
  STRIPE_PUBLISHABLE_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^pk_test_/, { message: 'STRIPE_PUBLISHABLE_KEY must be a test-mode key (pk_test_…).' })
      .optional(),
  ),
  ACP_SELLERS: optionalString,
  AISLE_OFFLINE_WORD_DELAY_MS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(0).max(1000).default(OFFLINE_WORD_DELAY_MS),
  ),
  CHAT_RATE_LIMIT_PER_MINUTE: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).default(30)),
  BUYER_SPEND_LIMIT_USD: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).default(200_000)),
  BUYER_SPEND_LIMIT_JPY: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).default(30_000_000)),
});

export type ModelConfig =
  | { mode: 'offline' }
  | {
      mode: 'openai';
      apiKey: string;
      model: string;
      baseURL?: string;
      /** Which OpenAI API: Chat Completions by default with a baseURL, Responses without. */
      api?: 'responses' | 'chat';
      /** The app gives up on the provider after this long without a token. */
      idleTimeoutMs?: number;
      maxOutputTokens?: number;
    };
export type StripeConfig =
  | { mode: 'emulator' }
  | {
      mode: 'stripe';
      agent: { secretKey: string; publishableKey: string };
      sellers: Record<DemoSellerId, { secretKey: string; networkBusinessProfile: string }>;
    };
export type DatabaseConfig = { mode: 'pglite'; dataDir: string } | { mode: 'postgres'; url: string };

export interface AppConfig {
  /** What browsers and outside agents see (AISLE_ORIGIN): the same on every instance behind one address. */
  origin: string;
  /**
   * How this instance reaches itself (AISLE_INTERNAL_ORIGIN, default http://127.0.0.1:$PORT): the agent
   * calls its own sellers here, and the outbox delivers here what is addressed to `origin`, so an
   * instance never depends on another one being up.
   */
  internalOrigin: string;
  secret?: string;
  model: ModelConfig;
  stripe: StripeConfig;
  database: DatabaseConfig;
  externalSellers: ExternalSellerConfig[];
  /** The offline model's pause between words, in ms; 0 sends a reply at once. */
  offlineWordDelayMs: number;
  chatRateLimitPerMinute: number;
  /** Per-buyer spending limit over 24 hours, in minor units per currency. */
  spendLimits: Record<string, number>;
}

export const DEFAULT_OPENAI_MODEL = 'gpt-5-mini';

function sellerEnvPrefix(id: DemoSellerId) {
  return `SELLER_${id.toUpperCase().replace(/-/g, '_')}`;
}

/** Reads and validates the environment. Throws a ConfigError whose message is one sentence naming the variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const message = issue.message.includes(name) ? issue.message : `${name} is invalid: ${issue.message}.`;
    throw new ConfigError(message);
  }
  const e = parsed.data;

  let stripe: StripeConfig = { mode: 'emulator' };
  if (e.STRIPE_SECRET_KEY || e.STRIPE_PUBLISHABLE_KEY) {
    if (!e.STRIPE_SECRET_KEY)
      throw new ConfigError(
        'STRIPE_SECRET_KEY is missing: it is needed together with STRIPE_PUBLISHABLE_KEY.',
      );
    if (!e.STRIPE_PUBLISHABLE_KEY)
      throw new ConfigError(
        'STRIPE_PUBLISHABLE_KEY is missing: it is needed together with STRIPE_SECRET_KEY.',
      );
    const sellers = {} as Record<DemoSellerId, { secretKey: string; networkBusinessProfile: string }>;
    for (const id of DEMO_SELLER_IDS) {
      const prefix = sellerEnvPrefix(id);
      const secretKey = blankToUndefined(source[`${prefix}_STRIPE_SECRET_KEY`]) as string | undefined;
      const profile = blankToUndefined(source[`${prefix}_STRIPE_PROFILE`]) as string | undefined;
      if (!secretKey)
        throw new ConfigError(
          `${prefix}_STRIPE_SECRET_KEY is missing: with Stripe keys set, each demo seller needs its own test-mode account key.`,
        );
      if (!/^(sk|rk)_test_/.test(secretKey))
        throw new ConfigError(
          `${prefix}_STRIPE_SECRET_KEY must be a test-mode key (sk_test_… or rk_test_…).`,
        );
      if (!profile)
        throw new ConfigError(
          `${prefix}_STRIPE_PROFILE is missing: set it to the seller's network business profile (profile_…).`,
        );
      sellers[id] = { secretKey, networkBusinessProfile: profile };
    }
    stripe = {
      mode: 'stripe',
      agent: { secretKey: e.STRIPE_SECRET_KEY, publishableKey: e.STRIPE_PUBLISHABLE_KEY },
      sellers,
    };
  }

  let model: ModelConfig = { mode: 'offline' };
  if (e.OPENAI_API_KEY) {
    model = {
      mode: 'openai',
      apiKey: e.OPENAI_API_KEY,
      model: e.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL,
      baseURL: e.OPENAI_BASE_URL,
      api: e.OPENAI_API,
      idleTimeoutMs: e.OPENAI_IDLE_TIMEOUT_SECONDS * 1000,
      maxOutputTokens: e.OPENAI_MAX_OUTPUT_TOKENS,
    };
  } else if (e.OPENAI_MODEL || e.OPENAI_BASE_URL) {
    throw new ConfigError(
      `OPENAI_API_KEY is missing: it is needed when ${e.OPENAI_MODEL ? 'OPENAI_MODEL' : 'OPENAI_BASE_URL'} is set (any non-empty value works for local servers).`,
    );
  }

  let externalSellers: ExternalSellerConfig[] = [];
  if (e.ACP_SELLERS) {
    let raw: unknown;
    try {
      raw = JSON.parse(e.ACP_SELLERS);
    } catch {
      throw new ConfigError(
        'ACP_SELLERS must be a JSON array such as [{"id":"acme","name":"Acme","url":"https://acme.example/acp","apiKey":"…"}].',
      );
    }
    const sellers = z.array(externalSeller).safeParse(raw);
    if (!sellers.success) {
      throw new ConfigError(
        `ACP_SELLERS is invalid at ${sellers.error.issues[0].path.join('.') || 'the top'}: ${sellers.error.issues[0].message}.`,
      );
    }
    externalSellers = sellers.data;
  }

  return {
    origin: (e.AISLE_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    internalOrigin: (e.AISLE_INTERNAL_ORIGIN ?? `http://127.0.0.1:${e.PORT}`).replace(/\/$/, ''),
    secret: e.AISLE_SECRET,
    model,
    stripe,
    database: e.DATABASE_URL
      ? { mode: 'postgres', url: e.DATABASE_URL }
      : { mode: 'pglite', dataDir: e.AISLE_DATA_DIR ?? '.data' },
    externalSellers,
    offlineWordDelayMs: e.AISLE_OFFLINE_WORD_DELAY_MS,
    chatRateLimitPerMinute: e.CHAT_RATE_LIMIT_PER_MINUTE,
    spendLimits: { usd: e.BUYER_SPEND_LIMIT_USD, jpy: e.BUYER_SPEND_LIMIT_JPY },
  };
}

let cached: AppConfig | undefined;
/** The validated configuration of this process, read once. */
export function config(): AppConfig {
  cached ??= loadConfig();
  return cached;
}

/** A URL on the public origin, readdressed to this instance; any other URL as it is. */
export function internalUrl(url: string, c: AppConfig = config()): string {
  if (url === c.origin || url.startsWith(`${c.origin}/`))
    return c.internalOrigin + url.slice(c.origin.length);
  return url;
}

export function modes(c: AppConfig = config()) {
  return { model: c.model.mode, stripe: c.stripe.mode, database: c.database.mode } as const;
}
