import { SendError } from "../../../supabase/functions/_shared/sendErrors.ts";

/** The SendError a send rejects with; fails the test when it resolves or rejects with anything else. */
export async function catchSendError(promise: Promise<unknown>): Promise<SendError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SendError)) throw new Error(`expected a SendError, got ${String(error)}`);
  return error;
}
