import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The journeys against a real-model configuration: the app with OPENAI_API_KEY set, talking to
 * the local fake OpenAI (lib/testing/fake-openai-server.ts), once over Chat Completions (as with
 * OPENAI_BASE_URL) and once over the Responses API. Run with `npm run test:e2e:openai` (it
 * builds first); ports 3301-3303.
 */
const FAKE_PORT = 3301;
const APPS = [
  { name: 'chat-completions', api: 'chat', port: 3302 },
  { name: 'responses', api: 'responses', port: 3303 },
] as const;

export default defineConfig({
  ...base,
  testMatch: '**/*.journey.ts',
  use: { ...base.use, baseURL: undefined },
  metadata: { fakeOpenAI: `http://127.0.0.1:${FAKE_PORT}` },
  webServer: [
    {
      command: 'npx tsx lib/testing/fake-openai-server.ts',
      env: { FAKE_OPENAI_PORT: String(FAKE_PORT) },
      port: FAKE_PORT,
      reuseExistingServer: false,
    },
    ...APPS.map((app) => {
      const dataDir = `/tmp/aisle-e2e-openai-${app.port}`;
      return {
        command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && npx next start -p ${app.port}`,
        url: `http://localhost:${app.port}/api/health`,
        timeout: 120_000,
        reuseExistingServer: false,
        env: {
          NEXT_TELEMETRY_DISABLED: '1',
          PORT: String(app.port),
          AISLE_ORIGIN: `http://localhost:${app.port}`,
          AISLE_DATA_DIR: dataDir,
          OPENAI_API_KEY: 'fake-key',
          OPENAI_MODEL: 'fake-model',
          OPENAI_BASE_URL: `http://127.0.0.1:${FAKE_PORT}/v1`,
          OPENAI_API: app.api,
          OPENAI_IDLE_TIMEOUT_SECONDS: '5',
        },
      };
    }),
  ],
  projects: APPS.map((app) => ({
    name: app.name,
    use: { ...base.projects?.[0]?.use, baseURL: `http://localhost:${app.port}` },
  })),
});
