export * from "./domain/enums.ts";
export { extractPhone, normalizePhone } from "./phone/extractPhone.ts";
export type { Database, Json } from "./database.types.ts";
