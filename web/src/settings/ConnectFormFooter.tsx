import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/ru.ts";
import { ConnectResultNotice } from "./ConnectResultNotice.tsx";
import type { useConnectChannel } from "./useConnectChannel.ts";

type ConnectState = ReturnType<typeof useConnectChannel>;

/** The end of a connect form: what is missing or went wrong, the submit button, and the outcome. */
export function ConnectFormFooter({
  missing,
  missingMessage,
  problem,
  errorTestId,
  submitTestId,
  busy,
  result,
}: {
  missing: boolean;
  missingMessage: MessageKey;
  problem: ConnectState["problem"];
  errorTestId: string;
  submitTestId: string;
  busy: boolean;
  result: ConnectState["result"];
}) {
  const { t } = useI18n();
  return (
    <>
      {missing && (
        <p className="form-error" role="alert">
          {t(missingMessage)}
        </p>
      )}
      {problem !== null && (
        <p className="form-error" role="alert" data-testid={errorTestId}>
          {t(problem.key, problem.params)}
        </p>
      )}
      <div className="form-actions">
        <button className="button button--primary" type="submit" data-testid={submitTestId} disabled={busy}>
          {busy ? t("connect.connecting") : t("connect.submit")}
        </button>
      </div>
      {result !== null && <ConnectResultNotice result={result} />}
    </>
  );
}
