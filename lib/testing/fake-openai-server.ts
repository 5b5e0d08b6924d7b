/**
 * The fake OpenAI as a process, for Playwright: `tsx lib/testing/fake-openai-server.ts` listens on
 * FAKE_OPENAI_PORT (127.0.0.1) and plays the good shopper until told otherwise
 * (`POST /__fake/script {"script": "rate-limited"}`; names in ./fake-openai-scripts.ts).
 */
import { startFakeOpenAI } from './fake-openai';
import { FAKE_SCRIPTS, goodShopper } from './fake-openai-scripts';

const port = Number(process.env.FAKE_OPENAI_PORT ?? 3301);
void startFakeOpenAI(goodShopper, { port, scripts: FAKE_SCRIPTS }).then((fake) => {
  console.log(`fake OpenAI at ${fake.baseURL}`);
  process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
});
