import { describe, expect, it } from 'vitest';
import { ConfigError, internalUrl, loadConfig, modes } from './config';

const sellerKeys = {
  SELLER_SUMMIT_OUTFITTERS_STRIPE_SECRET_KEY: 'sk_test_summit',
  SELLER_SUMMIT_OUTFITTERS_STRIPE_PROFILE: 'profile_summit',
  SELLER_VOLT_AUDIO_STRIPE_SECRET_KEY: 'sk_test_volt',
  SELLER_VOLT_AUDIO_STRIPE_PROFILE: 'profile_volt',
  SELLER_KISSA_TOKYO_STRIPE_SECRET_KEY: 'sk_test_kissa',
  SELLER_KISSA_TOKYO_STRIPE_PROFILE: 'profile_kissa',
};

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('configuration', () => {
  it('runs every part on its embedded default with no environment', () => {
    const config = loadConfig({});
    expect(modes(config)).toEqual({ model: 'offline', stripe: 'emulator', database: 'pglite' });
    expect(config.origin).toBe('http://localhost:3000');
    expect(config.internalOrigin).toBe('http://127.0.0.1:3000');
    expect(config.database).toEqual({ mode: 'pglite', dataDir: '.data' });
  });

  it('sends what is addressed to the public origin to this instance, and nothing else', () => {
    const config = loadConfig({ PORT: '3241', AISLE_ORIGIN: 'https://shop.example/' });
    expect(internalUrl('https://shop.example/agentic_commerce/webhooks/order_events', config)).toBe(
      'http://127.0.0.1:3241/agentic_commerce/webhooks/order_events',
    );
    expect(internalUrl('https://shop.example.evil/hook', config)).toBe('https://shop.example.evil/hook');
    expect(internalUrl('https://agent.example/hook', config)).toBe('https://agent.example/hook');
    const inside = loadConfig({ AISLE_INTERNAL_ORIGIN: 'http://aisle-2.internal:8080' });
    expect(internalUrl('http://localhost:3000/feeds/feed_x/products', inside)).toBe(
      'http://aisle-2.internal:8080/feeds/feed_x/products',
    );
  });

  it('paces the offline model word by word unless AISLE_OFFLINE_WORD_DELAY_MS says otherwise', () => {
    expect(loadConfig({}).offlineWordDelayMs).toBeGreaterThan(0);
    expect(loadConfig({ AISLE_OFFLINE_WORD_DELAY_MS: '0' }).offlineWordDelayMs).toBe(0);
    expect(loadConfig({ AISLE_OFFLINE_WORD_DELAY_MS: '30' }).offlineWordDelayMs).toBe(30);
    expect(refusal({ AISLE_OFFLINE_WORD_DELAY_MS: '-1' })).toContain('AISLE_OFFLINE_WORD_DELAY_MS');
  });

  it('switches each part to the real service by environment', () => {
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-live',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      STRIPE_SECRET_KEY: 'sk_test_agent',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_agent',
      ...sellerKeys,
    });
    expect(modes(config)).toEqual({ model: 'openai', stripe: 'stripe', database: 'postgres' });
    expect(
      config.stripe.mode === 'stripe' && config.stripe.sellers['kissa-tokyo'].networkBusinessProfile,
    ).toBe('profile_kissa');
  });

  it('refuses a secret key without its publishable key, naming the variable', () => {
    const message = refusal({ STRIPE_SECRET_KEY: 'sk_test_agent' });
    expect(message).toMatch(/^STRIPE_PUBLISHABLE_KEY is missing/);
    expect(message.split('. ').length).toBe(1);
  });

  it('refuses live Stripe keys', () => {
    expect(refusal({ STRIPE_SECRET_KEY: 'sk_live_x', STRIPE_PUBLISHABLE_KEY: 'pk_live_x' })).toMatch(
      /^STRIPE_SECRET_KEY must be a test-mode key/,
    );
  });

  it('refuses Stripe keys when a seller has no account of its own', () => {
    expect(refusal({ STRIPE_SECRET_KEY: 'sk_test_a', STRIPE_PUBLISHABLE_KEY: 'pk_test_a' })).toMatch(
      /^SELLER_SUMMIT_OUTFITTERS_STRIPE_SECRET_KEY is missing/,
    );
  });

  it('refuses a database URL that is not PostgreSQL', () => {
    expect(refusal({ DATABASE_URL: 'mysql://root@localhost/test' })).toMatch(
      /^DATABASE_URL must start with postgres/,
    );
  });

  it('refuses an OpenAI base URL without a key', () => {
    expect(refusal({ OPENAI_BASE_URL: 'http://localhost:11434/v1' })).toMatch(/^OPENAI_API_KEY is missing/);
  });

  it('reads external ACP sellers and refuses a malformed list', () => {
    const config = loadConfig({
      ACP_SELLERS: JSON.stringify([
        { id: 'acme', name: 'Acme', url: 'https://acme.example/acp', apiKey: 'k' },
      ]),
    });
    expect(config.externalSellers[0].url).toBe('https://acme.example/acp');
    expect(refusal({ ACP_SELLERS: '[{"id":"acme"}]' })).toMatch(/^ACP_SELLERS is invalid at 0\.name/);
    expect(refusal({ ACP_SELLERS: 'not json' })).toMatch(/^ACP_SELLERS must be a JSON array/);
  });
});
