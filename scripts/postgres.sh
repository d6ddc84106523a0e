#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (Debian's, installed with apt when root and absent).
#   scripts/postgres.sh start [port]  -> prints the admin URL (postgres://console@127.0.0.1:PORT/postgres)
#   scripts/postgres.sh stop [port]
# The cluster lives in /tmp/mistral-console-pg-PORT and trusts local connections: tests only.
set -euo pipefail

cmd=${1:-start}
port=${2:-${PG_TEST_PORT:-55432}}
dir=/tmp/mistral-console-pg-$port

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [ -z "$found" ] && command -v pg_ctl >/dev/null; then found=$(dirname "$(command -v pg_ctl)"); fi
  echo "$found"
}

as_owner() {
  # PostgreSQL refuses to run as root: root runs it as the postgres user the package creates.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $cmd in
  start)
    bin=$(find_bin)
    if [ -z "$bin" ]; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing Debian's postgresql package for the tests..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 ||
          { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
        bin=$(find_bin)
      fi
    fi
    if [ -z "$bin" ]; then
      echo "PostgreSQL is needed for the database tests: install it (apt-get install postgresql) or set TEST_DATABASE_URL." >&2
      exit 1
    fi
    if [ -f "$dir/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      echo "postgres://console@127.0.0.1:$port/postgres"
      exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir" -U console -A trust -E UTF8 --no-instructions >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    echo "postgres://console@127.0.0.1:$port/postgres"
    ;;
  stop)
    bin=$(find_bin)
    if [ -n "$bin" ] && [ -d "$dir" ]; then
      as_owner "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
      rm -rf "$dir"
    fi
    ;;
  *)
    echo "usage: $0 start|stop [port]" >&2
    exit 2
    ;;
esac
