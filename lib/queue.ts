/**
 * Retry timing for training jobs whose runner vanished: capped exponential backoff with full
 * jitter (so runners that crashed together do not retry together). Pure; `random` in [0, 1).
 */
export function backoffSeconds(attempt: number, random: number, base = 30, cap = 15 * 60): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
