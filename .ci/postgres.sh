# A throw-away PostgreSQL cluster for the tests, sourced by .ci/run (and by the test of this file):
#   pg_start  initdb in a temporary folder, start on a free port (fsync off), check it answers the test login, and
#             export CMS_TEST_POSTGRES; any failure prints why (with the server log) and exits 1.
#   pg_stop   stop the cluster if it started and delete its folder, whatever happened.
# So nothing else on the machine (a packaged cluster on 5432, another user's server being stopped or restarted) can
# change what the tests see. initdb refuses to run as root: as root the cluster runs as the postgres user, in a folder
# that user owns. CI_PG_BIN chooses the PostgreSQL bin folder (default: the newest under /usr/lib/postgresql).

ci_fail() {
  echo "ci: $*" >&2
  exit 1
}

pg_started=""
pg_root=""

pg_stop() {
  if [ -n "$pg_started" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || echo "ci: could not stop the PostgreSQL cluster in $pg_data" >&2
    pg_started=""
  fi
  if [ -n "$pg_root" ]; then
    rm -rf "$pg_root"
  fi
}

pg_start() {
  pg_bin=${CI_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
  [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ] || ci_fail "PostgreSQL's initdb and pg_ctl were not found under ${pg_bin:-/usr/lib/postgresql}."
  pg_root=$(mktemp -d /tmp/cms-ci-postgres.XXXXXX)
  pg_data="$pg_root/data"
  pg_log="$pg_root/server.log"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || ci_fail "running as root, but there is no postgres user to run the PostgreSQL cluster as."
    chown postgres: "$pg_root"
    as_pg() { (cd "$pg_root" && runuser -u postgres -- "$@"); }
  else
    as_pg() { (cd "$pg_root" && "$@"); }
  fi

  printf 'postgres\n' >"$pg_root/password"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$pg_root/password"
  as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --pwfile="$pg_root/password" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --no-locale >"$pg_root/initdb.log" 2>&1 || { cat "$pg_root/initdb.log" >&2; ci_fail "initdb failed (log above)."; }

  port_in_use() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    pg_port=$((20000 + RANDOM % 20000))
    port_in_use "$pg_port" && continue
    # fsync off: the cluster is thrown away at the end, so durability only costs time.
    if as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_root -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
      pg_started=yes
      break
    fi
    echo "ci: PostgreSQL did not start on port $pg_port (attempt $attempt); trying another port." >&2
  done
  if [ -z "$pg_started" ]; then
    [ -f "$pg_log" ] && tail -n 30 "$pg_log" >&2
    ci_fail "the PostgreSQL cluster did not start (server log above)."
  fi
  "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -t 30 >/dev/null \
    || { tail -n 30 "$pg_log" >&2; ci_fail "PostgreSQL started but does not answer on 127.0.0.1:$pg_port (server log above)."; }
  PGPASSWORD=postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qtAc 'select 1' >/dev/null \
    || ci_fail "PostgreSQL on 127.0.0.1:$pg_port refuses the test login."
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$pg_port (data in $pg_data, removed at the end)"
  export CMS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres"
}
