import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, normalize, resolve, sep } from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves the built dashboard as a single-page app: unknown paths get index.html, assets are cached for a year. */
export function serveDashboard(root: string): Server {
  const base = resolve(root);
  return createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const candidate = normalize(resolve(base, `.${pathname}`));
    const inside = candidate === base || candidate.startsWith(base + sep);
    void (async () => {
      let file = resolve(base, "index.html");
      if (inside) {
        const info = await stat(candidate).catch(() => null);
        if (info?.isFile()) file = candidate;
      }
      const immutable = file.includes(`${sep}assets${sep}`);
      res.writeHead(200, {
        "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
        "x-content-type-options": "nosniff",
      });
      createReadStream(file).pipe(res);
    })().catch(() => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("dashboard not built");
    });
  });
}
