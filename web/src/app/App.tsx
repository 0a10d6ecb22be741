import type { SupabaseClient } from "@supabase/supabase-js";
import { useCallback, useEffect, useState } from "react";
import { signOut, watchSignedInUser } from "../api/dashboardQueries.ts";
import type { SignedInUser } from "../api/rows.ts";
import { SignInPage } from "../auth/SignInPage.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/ru.ts";
import { Shell } from "./Shell.tsx";

/** Shows the sign-in page or the dashboard, following the Supabase session. */
export function App({ client }: { client: SupabaseClient }) {
  const { t } = useI18n();
  // undefined while the stored session is being read.
  const [user, setUser] = useState<SignedInUser | null | undefined>(undefined);
  const [notice, setNotice] = useState<MessageKey | null>(null);

  useEffect(() => watchSignedInUser(client, setUser), [client]);

  const handleSessionExpired = useCallback(() => {
    setNotice("error.sign-in-again");
    void signOut(client);
  }, [client]);

  const handleSignOut = useCallback(() => {
    setNotice(null);
    void signOut(client);
  }, [client]);

  if (user === undefined) {
    return (
      <main className="centered-page">
        <p className="muted">{t("app.loading")}</p>
      </main>
    );
  }
  if (user === null) return <SignInPage client={client} notice={notice} />;
  return (
    <Shell
      client={client}
      userId={user.id}
      userEmail={user.email}
      onSignOut={handleSignOut}
      onSessionExpired={handleSessionExpired}
    />
  );
}
