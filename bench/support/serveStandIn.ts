// Runs the local Supabase API stand-in alone in its own process (so load generators do not share its CPU) over
// BENCH_DATABASE_URL with BENCH_JWT_SECRET; prints `listening <port>` when ready, stops on SIGTERM.
import { startApiServer } from "../../packages/local/src/api/startApiServer.ts";
import { defaultPoolSize } from "../../packages/local/src/stack/readStackConfig.ts";

const api = await startApiServer({
  databaseUrl: process.env.BENCH_DATABASE_URL ?? "",
  jwtSecret: process.env.BENCH_JWT_SECRET ?? "",
  port: 0,
  poolSize: Number(process.env.BENCH_POOL_MAX ?? defaultPoolSize()),
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`listening ${new URL(api.apiUrl).port}\n`);
process.on("SIGTERM", () => {
  void api.close().then(() => process.exit(0));
});
