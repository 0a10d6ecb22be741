import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The dashboard is a static build. Its only configuration is `VITE_SUPABASE_URL` and `VITE_SUPABASE_ANON_KEY`,
 * read at build time from the environment (or web/.env*); nothing else is exposed to the bundle.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  envPrefix: ["VITE_SUPABASE_URL", "VITE_SUPABASE_ANON_KEY"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: long-cached chunks, each under the 500 kB warning.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "supabase", test: /node_modules[\\/]@supabase[\\/]/ },
            { name: "vendor", test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
});
