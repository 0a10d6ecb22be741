/**
 * Local Edge Functions runtime: one Deno process serving every `supabase/functions/<name>/index.ts` (each exports
 * `handler(req)`), reached through the stand-in at `/functions/v1/<name>/…` and seen here as `/<name>/…`, as a
 * hosted function sees its path. Started by `npm start`; never deployed.
 */
type Handler = (req: Request) => Response | Promise<Response>;

const functionsDir = Deno.args[0];
const port = Number(Deno.args[1] ?? "0");
if (!functionsDir || !Number.isInteger(port)) {
  console.error("usage: serveFunctions.ts <functions dir> <port>");
  Deno.exit(2);
}

const names = new Set<string>();
for await (const entry of Deno.readDir(functionsDir)) {
  if (entry.isDirectory && !entry.name.startsWith("_") && !entry.name.startsWith(".")) names.add(entry.name);
}
const handlers = new Map<string, Promise<Handler>>();

function loadHandler(name: string): Promise<Handler> {
  let loaded = handlers.get(name);
  if (!loaded) {
    loaded = import(new URL(`file://${functionsDir}/${name}/index.ts`).href).then(
      (module: Record<string, unknown>) => {
        const handler = module.handler;
        if (typeof handler !== "function")
          throw new Error(`supabase/functions/${name}/index.ts exports no handler`);
        return handler as Handler;
      },
    );
    handlers.set(name, loaded);
  }
  return loaded;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

Deno.serve(
  { hostname: "127.0.0.1", port, onListen: ({ port }) => console.log(`functions listening on ${port}`) },
  async (req) => {
    const name = new URL(req.url).pathname.split("/")[1] ?? "";
    if (!names.has(name))
      return json(404, { code: "NOT_FOUND", message: `Function '${name}' does not exist` });
    try {
      return await (await loadHandler(name))(req);
    } catch (error) {
      console.error(`[${name}]`, error instanceof Error ? error.message : error);
      return json(500, { code: "FUNCTION_ERROR", message: `Function '${name}' failed` });
    }
  },
);

// Warm every function so the first request does not pay for module loading.
await Promise.allSettled([...names].map((name) => loadHandler(name)));

// Started by the local stack: when it dies without stopping us (kill -9), do not linger as an orphan.
const parent = Deno.ppid;
setInterval(() => {
  if (Deno.ppid !== parent) Deno.exit(0);
}, 1000);
