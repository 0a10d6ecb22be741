/**
 * Gives each postgres_changes binding of a join the integer id the client matches deliveries on. Like Supabase's
 * `:erlang.phash2(params)` it is a hash of the binding as sent (so equal bindings get equal ids, below 2^27), made
 * unique within the channel.
 */
export function assignBindingIds(bindings: readonly Record<string, unknown>[]): number[] {
  const taken = new Set<number>();
  return bindings.map((binding) => {
    let id = hashBinding(binding);
    while (taken.has(id)) id = (id + 1) % 2 ** 27;
    taken.add(id);
    return id;
  });
}

function hashBinding(binding: Record<string, unknown>): number {
  const canonical = JSON.stringify(
    Object.keys(binding)
      .sort()
      .map((key) => [key, binding[key]]),
  );
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    hash ^= canonical.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 2 ** 27;
}
