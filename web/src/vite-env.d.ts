/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The Supabase project URL, e.g. https://abcd.supabase.co or http://127.0.0.1:54321 locally. */
  readonly VITE_SUPABASE_URL?: string;
  /** The project's public anon (or publishable) key; never the service-role key. */
  readonly VITE_SUPABASE_ANON_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
