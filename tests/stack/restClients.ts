import type { WebSocketLikeConstructor } from "@supabase/realtime-js";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import type { TestStack } from "../support/testStack.ts";

/** A supabase-js client on the stand-in, as the dashboard builds it (no persisted session, ws transport on Node 20). */
export function connectClient(
  stack: TestStack,
  key: string = stack.anonKey,
  headers: Record<string, string> = {},
): SupabaseClient {
  return createClient(stack.apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    // ws implements the WebSocket API realtime-js uses; only its event typings differ from the DOM's.
    realtime: { transport: WebSocket as unknown as WebSocketLikeConstructor },
    global: { headers },
  });
}

/** A client signed in with email and password through the stand-in's Auth. */
export async function signInClient(
  stack: TestStack,
  email: string,
  password: string,
): Promise<SupabaseClient> {
  const client = connectClient(stack);
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return client;
}
