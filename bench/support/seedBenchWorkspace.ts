import type { Sql } from "postgres";
import { createAuthUser } from "../../packages/local/src/api/auth/createAuthUser.ts";
import { signJwt } from "../../packages/local/src/api/jwt.ts";

/** A workspace with an operator and `leadCount` leads; returns the operator's access token. */
export async function seedBenchWorkspace(
  sql: Sql,
  jwtSecret: string,
  options: { email: string; slug: string; leadCount: number },
): Promise<{ workspaceId: string; userId: string; accessToken: string }> {
  const userId = await createAuthUser(sql, { email: options.email, password: "bench-password-1" });
  const [workspace] = await sql<{ id: string }[]>`
    insert into public.workspaces (name, slug) values (${options.slug}, ${options.slug}) returning id`;
  const workspaceId = workspace?.id ?? "";
  await sql`insert into public.workspace_members (workspace_id, user_id, role) values (${workspaceId}, ${userId}, 'operator')`;
  if (options.leadCount > 0) {
    await sql`
      insert into public.leads (workspace_id, source_platform, source_id, name, phone, status, created_at)
      select ${workspaceId}, 'telegram', 'bench-' || g, 'Лид ' || g, '+7701' || lpad(g::text, 7, '0'), 'new',
             now() - (g || ' minutes')::interval
      from generate_series(1, ${options.leadCount}) as g`;
  }
  const accessToken = await signJwt(
    { sub: userId, role: "authenticated", aud: "authenticated", email: options.email },
    jwtSecret,
    3600,
  );
  return { workspaceId, userId, accessToken };
}
