// Preloaded into the Prisma CLI by lib/db/migrate.ts. On PostgreSQL the JS schema engine arms a 10 s
// timer (its advisory-lock timeout) and never clears it, so every `migrate deploy` would sit idle for
// 10 s after finishing. Unref'd, the timer still fires while work is pending but no longer holds the
// process open once the work is done.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = originalSetTimeout(callback, ms, ...args);
  if (typeof ms === 'number' && ms >= 5000 && typeof timer?.unref === 'function') timer.unref();
  return timer;
};
