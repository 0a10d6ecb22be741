export * from "./domain/enums.ts";
export { extractPhone, normalizePhone } from "./phone/extractPhone.ts";
