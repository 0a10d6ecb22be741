export { bootstrapPlatform, isSupabaseDatabase } from "./database/bootstrapPlatform.ts";
export { MigrationFailedError, pushMigrations } from "./database/pushMigrations.ts";
export { findFreePort } from "./findFreePort.ts";
export { type EmbeddedPostgresHandle, startEmbeddedPostgres } from "./postgres/startEmbeddedPostgres.ts";
