// Runs the local Supabase API stand-in alone in its own process (so load generators do not share its CPU) over
// BENCH_DATABASE_URL with BENCH_JWT_SECRET; prints `listening <port>` when ready, stops on SIGTERM.
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import type { ApiContext } from "../../packages/local/src/api/context.ts";
import { createApiServer } from "../../packages/local/src/api/createApiServer.ts";
import { createApiKeys } from "../../packages/local/src/api/jwt.ts";
import { defaultPoolSize } from "../../packages/local/src/stack/readStackConfig.ts";

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "";
const jwtSecret = process.env.BENCH_JWT_SECRET ?? "";
const { anonKey, serviceRoleKey } = await createApiKeys(jwtSecret);
const sql = postgres(databaseUrl, {
  max: Number(process.env.BENCH_POOL_MAX ?? defaultPoolSize()),
  onnotice: () => {},
});
const ctx: ApiContext = {
  sql,
  databaseUrl,
  jwtSecret,
  anonKey,
  serviceRoleKey,
  jwtExpirySeconds: 3600,
  apiUrl: "http://127.0.0.1",
  log: (line) => process.stderr.write(`${line}\n`),
};
const api = createApiServer(ctx, { functions: null });
api.server.listen(0, "127.0.0.1", () => {
  const { port } = api.server.address() as AddressInfo;
  ctx.apiUrl = `http://127.0.0.1:${port}`;
  process.stdout.write(`listening ${port}\n`);
});
process.on("SIGTERM", () => {
  void api
    .close()
    .then(() => sql.end({ timeout: 1 }))
    .then(() => process.exit(0));
});
