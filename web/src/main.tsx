import { createClient } from "@supabase/supabase-js";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { ConfigProblemScreen } from "./app/ConfigProblemScreen.tsx";
import { readDashboardConfig } from "./config/readDashboardConfig.ts";
import { I18nProvider } from "./i18n/I18nProvider.tsx";
import "./styles.css";

const root = document.getElementById("root");
if (root === null) throw new Error('index.html must contain <div id="root">');

// Build-time configuration only: Vite inlines these two public values; nothing else is read.
const configuration = readDashboardConfig({
  VITE_SUPABASE_URL: import.meta.env.VITE_SUPABASE_URL,
  VITE_SUPABASE_ANON_KEY: import.meta.env.VITE_SUPABASE_ANON_KEY,
});

const client = configuration.ok
  ? createClient(configuration.config.supabaseUrl, configuration.config.supabaseAnonKey)
  : null;

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      {configuration.ok && client !== null ? (
        <App client={client} />
      ) : (
        <ConfigProblemScreen problems={configuration.ok ? [] : configuration.problems} />
      )}
    </I18nProvider>
  </StrictMode>,
);
