// Waiting that a Stop can end: Start-Sleep (and anything else that waits)
// sleeps in short slices and asks after each whether the user pressed Stop,
// so Ctrl+C or the Stop button ends a `Start-Sleep 3600` at once.

/** How often a sleeping command asks whether it should stop. */
const SLICE_MS = 20;

export async function sleepUnlessStopped(ms: number, checkStop: () => void): Promise<void> {
  const until = Date.now() + Math.max(0, ms);
  checkStop();
  for (;;) {
    const left = until - Date.now();
    if (left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, SLICE_MS)));
    checkStop();
  }
}
