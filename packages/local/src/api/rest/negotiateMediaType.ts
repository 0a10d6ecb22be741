import { RestError } from "./RestError.ts";

export interface MediaChoice {
  /** `object`: `application/vnd.pgrst.object+json`, exactly one row or 406. */
  shape: "array" | "object";
  stripNulls: boolean;
}

/** Media types PostgREST serves that the stand-in does not: refused with 501, not answered as JSON. */
const unsupportedMediaTypes = [
  "text/csv",
  "application/geo+json",
  "application/vnd.pgrst.plan",
  "application/openapi+json",
  "text/plain",
  "text/xml",
  "application/octet-stream",
];

/** Picks the response shape from `Accept`, as PostgREST does for the JSON media types. */
export function negotiateMediaType(accept: string | undefined): MediaChoice {
  if (accept === undefined || accept.trim() === "") return { shape: "array", stripNulls: false };
  const ranges = accept.split(",").map((range) => range.trim().toLowerCase());
  for (const range of ranges) {
    const [type = "", ...parameters] = range.split(";").map((part) => part.trim());
    const stripNulls = parameters.includes("nulls=stripped");
    if (type === "application/vnd.pgrst.object+json") return { shape: "object", stripNulls };
    if (type === "application/vnd.pgrst.array+json") return { shape: "array", stripNulls };
    if (type === "application/json" || type === "*/*" || type === "application/*")
      return { shape: "array", stripNulls: false };
  }
  const unsupported = ranges.find((range) => unsupportedMediaTypes.some((type) => range.startsWith(type)));
  if (unsupported !== undefined) throw RestError.unsupported(`The media type \`${unsupported}\``);
  throw new RestError(406, {
    code: "PGRST107",
    message: `None of these media types are available: ${ranges.join(", ")}`,
    details: null,
    hint: null,
  });
}
