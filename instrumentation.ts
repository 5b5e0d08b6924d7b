/**
 * Next.js calls this once when a server process starts, and holds every request until it returns.
 * Start-up (migrations, seeding, the sellers' feed pushes) therefore runs beside the first
 * requests rather than before them: what a page needs it awaits itself (getDatabase), and
 * /api/health says when the demo data is in.
 */
export function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    import('./lib/boot')
      .then(({ boot }) => boot())
      .catch((error: unknown) => console.error('\nAisle failed to start:', error));
  }
}
