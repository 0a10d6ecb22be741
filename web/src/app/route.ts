import { z } from "zod";

/** The dashboard's pages, addressed by the URL hash (`#/leads`, `#/leads/<id>`, `#/settings`). */
export type Route = { page: "leads" } | { page: "lead"; leadId: string } | { page: "settings" };

const leadIdSchema = z.guid();

/** The page a hash names; anything unknown (or empty, or the old `#leads`) is the inbox. */
export function parseRoute(hash: string): Route {
  const segments = hash
    .replace(/^#/, "")
    .split("/")
    .filter((segment) => segment !== "");
  const [first, second, ...rest] = segments;
  if (first === "settings" && second === undefined) return { page: "settings" };
  if (first === "leads" && second !== undefined && rest.length === 0) {
    const id = leadIdSchema.safeParse(decodeURIComponent(second));
    if (id.success) return { page: "lead", leadId: id.data };
  }
  return { page: "leads" };
}

/** The hash that opens `route`. */
export function routeHash(route: Route): string {
  switch (route.page) {
    case "leads":
      return "#/leads";
    case "lead":
      return `#/leads/${encodeURIComponent(route.leadId)}`;
    case "settings":
      return "#/settings";
  }
}
