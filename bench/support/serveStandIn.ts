// Runs the local Supabase API stand-in alone in its own process (so load generators do not share its CPU) over
// BENCH_DATABASE_URL with BENCH_JWT_SECRET; prints `listening <port>` when ready, stops on SIGTERM.
// With BENCH_WITH_FUNCTIONS=1 it also runs the Edge Functions under Deno behind `/functions/v1`, as `npm start`
// does, passing the messaging settings (TELEGRAM_API_ROOT, ARQAN_PUBLIC_FUNCTIONS_URL…) from its environment.
import { startApiServer } from "../../packages/local/src/api/startApiServer.ts";
import {
  lateFunctionsRoute,
  proxyProjectFunctions,
} from "../../packages/local/src/functions/createFunctionsProxy.ts";
import { readMessagingEnv } from "../../packages/local/src/functions/readMessagingEnv.ts";
import {
  type EdgeFunctionsHandle,
  startEdgeFunctions,
} from "../../packages/local/src/functions/startEdgeFunctions.ts";
import { defaultPoolSize } from "../../packages/local/src/stack/readStackConfig.ts";

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "";
const jwtSecret = process.env.BENCH_JWT_SECRET ?? "";
const withFunctions = process.env.BENCH_WITH_FUNCTIONS === "1";
const late = lateFunctionsRoute();
const api = await startApiServer({
  databaseUrl,
  jwtSecret,
  port: 0,
  poolSize: Number(process.env.BENCH_POOL_MAX ?? defaultPoolSize()),
  log: (line) => process.stderr.write(`${line}\n`),
  functions: withFunctions ? late.route : null,
});
let functions: EdgeFunctionsHandle | null = null;
if (withFunctions) {
  functions = await startEdgeFunctions(
    {
      SUPABASE_URL: api.apiUrl,
      SUPABASE_DB_URL: databaseUrl,
      SUPABASE_ANON_KEY: api.anonKey,
      SUPABASE_SERVICE_ROLE_KEY: api.serviceRoleKey,
      ARQAN_PUBLIC_FUNCTIONS_URL: `${api.apiUrl}/functions/v1`,
      ...readMessagingEnv(),
    },
    (line) => process.stderr.write(`${line}\n`),
  );
  late.attach(await proxyProjectFunctions(functions.url, jwtSecret));
}
process.stdout.write(`listening ${new URL(api.apiUrl).port}\n`);
process.on("SIGTERM", () => {
  void Promise.all([api.close(), functions?.stop()]).then(() => process.exit(0));
});
