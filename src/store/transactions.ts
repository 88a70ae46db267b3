// Small helpers shared by the repositories.

interface AbortableTransaction {
  abort(): void;
  done: Promise<void>;
}

/** Aborts `tx` if it is still running and waits until it has settled, ignoring its outcome. */
export async function abortAndSettle(tx: AbortableTransaction, pending: readonly Promise<unknown>[] = []): Promise<void> {
  try {
    tx.abort();
  } catch {
    // Already finished, or already aborted by the request that failed.
  }
  // Settle every request too, so none surfaces later as an unhandled rejection.
  await Promise.allSettled([...pending, tx.done]);
}
