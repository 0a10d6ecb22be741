/**
 * Work that must not delay a webhook's acknowledgement (qualification, the LLM, sending the reply). On Supabase
 * `EdgeRuntime.waitUntil` keeps the instance alive until it settles; under plain Deno the promise simply runs on.
 * Failures are logged; the messaging sweep finishes whatever was left undone.
 */
interface EdgeRuntimeGlobal {
  EdgeRuntime?: { waitUntil(promise: Promise<unknown>): void };
}

export function runInBackground(label: string, work: () => Promise<unknown>): void {
  const promise = Promise.resolve()
    .then(work)
    .catch((error) => {
      console.error(`[${label}]`, error instanceof Error ? error.message : String(error));
    });
  (globalThis as EdgeRuntimeGlobal).EdgeRuntime?.waitUntil(promise);
}
