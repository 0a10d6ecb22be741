import type { SupabaseClient } from "@supabase/supabase-js";
import { type FormEvent, useState } from "react";
import type { NicheNameRow } from "../api/settingsRows.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/ru.ts";
import { ConnectFormFooter } from "./ConnectFormFooter.tsx";
import { OptionalChoice } from "./OptionalChoice.tsx";
import { useConnectChannel } from "./useConnectChannel.ts";

type WhatsAppProvider = "waha" | "whatsapp_cloud";

interface Fields {
  name: string;
  apiBaseUrl: string;
  session: string;
  apiKey: string;
  hmacKey: string;
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
}

const emptyFields: Fields = {
  name: "",
  apiBaseUrl: "",
  session: "default",
  apiKey: "",
  hmacKey: "",
  phoneNumberId: "",
  accessToken: "",
  appSecret: "",
  verifyToken: "",
};

/** Which fields each provider requires. */
const required: Record<WhatsAppProvider, (keyof Fields)[]> = {
  waha: ["name", "apiBaseUrl", "session", "hmacKey"],
  whatsapp_cloud: ["name", "phoneNumberId", "accessToken", "appSecret", "verifyToken"],
};

/**
 * Connects a WhatsApp number, through a WAHA server or the WhatsApp Cloud API. The keys go to the server once and
 * are cleared here when connected; the answer says which webhook URL to give the provider.
 */
export function ConnectWhatsAppForm({
  client,
  workspaceId,
  niches,
  onConnected,
}: {
  client: SupabaseClient;
  workspaceId: string;
  niches: NicheNameRow[];
  onConnected: () => void;
}) {
  const { t } = useI18n();
  const [provider, setProvider] = useState<WhatsAppProvider>("waha");
  const [fields, setFields] = useState<Fields>(() => ({ ...emptyFields, verifyToken: crypto.randomUUID() }));
  const [nicheId, setNicheId] = useState("");
  const [missing, setMissing] = useState(false);
  const { busy, result, problem, connect } = useConnectChannel(client, onConnected);
  const set = (key: keyof Fields) => (event: { target: { value: string } }) =>
    setFields((previous) => ({ ...previous, [key]: event.target.value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (required[provider].some((key) => fields[key].trim() === "")) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const niche = niches.some((candidate) => candidate.id === nicheId) ? nicheId : null;
    const connected = await connect(
      provider === "waha"
        ? {
            provider,
            workspaceId,
            name: fields.name.trim(),
            apiBaseUrl: fields.apiBaseUrl,
            session: fields.session,
            apiKey: fields.apiKey.trim() === "" ? null : fields.apiKey.trim(),
            hmacKey: fields.hmacKey,
            nicheId: niche,
          }
        : {
            provider,
            workspaceId,
            name: fields.name.trim(),
            phoneNumberId: fields.phoneNumberId,
            accessToken: fields.accessToken,
            appSecret: fields.appSecret,
            verifyToken: fields.verifyToken,
            nicheId: niche,
          },
    );
    if (connected) setFields({ ...emptyFields, verifyToken: crypto.randomUUID() });
  }

  const input = (key: keyof Fields, label: MessageKey, secret = false) => (
    <label className="field">
      <span>{t(label)}</span>
      <input
        data-testid={`connect-whatsapp-${key}`}
        type={secret ? "password" : "text"}
        autoComplete="off"
        spellCheck={false}
        value={fields[key]}
        onChange={set(key)}
      />
    </label>
  );

  return (
    <form className="stack-form connect-form" onSubmit={submit} noValidate data-testid="connect-whatsapp">
      <h3>{t("connect.whatsapp.title")}</h3>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t("connect.whatsapp.provider")}</legend>
        {(["waha", "whatsapp_cloud"] as const).map((option) => (
          <label key={option} className={`segmented__option${provider === option ? " is-active" : ""}`}>
            <input
              type="radio"
              name="whatsapp-provider"
              data-testid={`connect-whatsapp-provider-${option}`}
              value={option}
              checked={provider === option}
              onChange={() => setProvider(option)}
            />
            {t(`provider.${option}`)}
          </label>
        ))}
      </fieldset>
      <p className="muted">{provider === "waha" ? t("connect.waha.hint") : t("connect.cloud.hint")}</p>
      {input("name", "connect.name")}
      {provider === "waha" ? (
        <>
          {input("apiBaseUrl", "connect.waha.apiBaseUrl")}
          {input("session", "connect.waha.session")}
          {input("apiKey", "connect.waha.apiKey", true)}
          {input("hmacKey", "connect.waha.hmacKey", true)}
        </>
      ) : (
        <>
          {input("phoneNumberId", "connect.cloud.phoneNumberId")}
          {input("accessToken", "connect.cloud.accessToken", true)}
          {input("appSecret", "connect.cloud.appSecret", true)}
          {input("verifyToken", "connect.cloud.verifyToken")}
        </>
      )}
      <OptionalChoice
        testId="connect-whatsapp-niche"
        label="connect.niche"
        noneLabel="connect.nicheNone"
        value={nicheId}
        onChange={setNicheId}
        options={niches}
      />
      <ConnectFormFooter
        missing={missing}
        missingMessage="connect.fieldsMissing"
        problem={problem}
        errorTestId="connect-whatsapp-error"
        submitTestId="connect-whatsapp-submit"
        busy={busy}
        result={result}
      />
    </form>
  );
}
