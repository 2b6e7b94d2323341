// One Ctrl-C (SIGINT) or SIGTERM stops everything cleanly; a second one, or a stuck close, exits.

/** Long enough for in-flight requests to finish, short enough that Ctrl-C never seems ignored. */
const FORCE_EXIT_AFTER_MS = 5_000;

export function onShutdownSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (): void => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    const force = setTimeout(() => {
      console.error(`Shutdown took longer than ${FORCE_EXIT_AFTER_MS} ms: exiting anyway.`);
      process.exit(1);
    }, FORCE_EXIT_AFTER_MS);
    force.unref();
    stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('Shutdown failed:', e instanceof Error ? e.message : e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
