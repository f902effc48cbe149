/** Runs once when the server starts: a misconfigured portal exits with a readable message. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./config/check-config-at-boot');
}
