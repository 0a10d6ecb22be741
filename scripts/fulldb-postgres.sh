#!/usr/bin/env bash
# The full-database check's server: Debian's PostgreSQL 15 with pg_cron preloaded and pgTAP and pg_prove available, as a
# hosted Supabase project has them. `start` installs what is missing (apt-get, as root), creates and starts a
# cluster named `arqan` on $ARQAN_FULLDB_PORT (default 55415) and prints its URL; `stop` stops and drops it.
set -euo pipefail
port="${ARQAN_FULLDB_PORT:-55415}"
version=15
cluster=arqan

case "${1:-}" in
  start)
    if ! dpkg -s postgresql-15 postgresql-15-cron postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl >/dev/null 2>&1; then
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-15-cron postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl >&2
    fi
    if pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version $cluster"; then
      pg_dropcluster --stop "$version" "$cluster" >&2
    fi
    pg_createcluster "$version" "$cluster" -p "$port" --start-conf=manual -- --auth-host=scram-sha-256 >/dev/null
    conf="/etc/postgresql/$version/$cluster/conf.d/arqan.conf"
    cat > "$conf" <<CONF
listen_addresses = '127.0.0.1'
shared_preload_libraries = 'pg_cron'
cron.database_name = 'postgres'
wal_level = logical
max_connections = 100
CONF
    pg_ctlcluster "$version" "$cluster" start >&2
    su postgres -c "psql -q -p $port -c \"alter user postgres password 'postgres'\"" >&2
    echo "postgres://postgres:postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    pg_dropcluster --stop "$version" "$cluster" >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
