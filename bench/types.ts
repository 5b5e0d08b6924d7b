/** One line of `npm run bench`: what was measured, the target it must meet, and what it measured. */
export interface BenchRow {
  name: string;
  target: string;
  result: string;
  ok: boolean;
}
