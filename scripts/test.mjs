// `npm test`: every check the project has, one stage at a time, stopping at the first that fails,
// and a table of each stage's time at the end (so a slow or failing stage is named).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const stages = [
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['lint', 'npm', ['run', 'lint']],
  ['unit', 'npm', ['run', 'test:unit']],
  ['build', 'npx', ['next', 'build']],
  ['e2e', 'node', ['e2e/run.mjs'], { E2E_SKIP_BUILD: '1' }],
  ['e2e:openai', 'npx', ['playwright', 'test', '-c', 'playwright.openai.config.ts']],
  ['instances', 'npx', ['tsx', 'e2e/instances/run.ts']],
];

const times = [];
let failed;
const started = Date.now();
for (const [name, command, args, extraEnv = {}] of stages) {
  console.log(`\n::: ${name}`);
  const start = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  times.push([name, (Date.now() - start) / 1000, status === 0]);
  if (status !== 0) {
    failed = name;
    break;
  }
}

console.log('\nstage times:');
for (const [name, seconds, ok] of times)
  console.log(`  ${name.padEnd(11)} ${seconds.toFixed(0).padStart(5)} s${ok ? '' : '  FAILED'}`);
console.log(`  ${'total'.padEnd(11)} ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s`);
if (failed) {
  console.error(`\nnpm test failed at: ${failed}`);
  process.exit(1);
}
