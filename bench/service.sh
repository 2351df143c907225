# Sourced by the benchmarks (run.sh, attacks.sh, harness.sh, growth.sh, report.sh): psql, pgbench and the
# HdrHistogram jar they use; builds the service if asked, starts it on a free loopback port with
# a schema of its own (emptied at start), waits until it is healthy, and stops it when the script exits.
#
#   source bench/service.sh
#   service_build "$BUILD"                 # 1: always build; 0: only when the jar is missing
#   service_start SCHEMA [ENV=VALUE ...] [-- JAVA_OPTION ...]   # sets URL, APP_PID; logs to $WORK/app.log
# Needs ROOT (the repository root), WORK (a scratch directory) and ADMIN_TOKEN; service_stop runs from the EXIT trap.

JAR=bootstrap/target/quarkus-app/quarkus-run.jar
PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=postgres
PG_DB=postgres
APP_PID=

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
PSQL=$(command -v psql || true)
[ -n "$PSQL" ] || PSQL="$PGBIN/psql"
PGBENCH=$(command -v pgbench || true)
[ -n "$PGBENCH" ] || PGBENCH="$PGBIN/pgbench"
psql_q() { PGOPTIONS='-c client_min_messages=warning' "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" "$@"; }

# CPU ticks (utime + stime) a process has used.
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# The HdrHistogram jar the open-loop generator (OpenLoop.java) needs: from the local Maven repository, fetched once.
hdr_jar() {
  local version=2.2.2
  local jar=$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/$version/HdrHistogram-$version.jar
  if [ ! -f "$jar" ]; then
    ./mvnw -B -q dependency:get -Dartifact="org.hdrhistogram:HdrHistogram:$version" >/dev/null
  fi
  echo "$jar"
}

phase() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

service_build() {
  if [ "$1" = 1 ] || [ ! -f "$JAR" ]; then
    phase "building ($JAR)"
    ./mvnw -B -q package -DskipTests
  fi
  [ -f "$JAR" ] || { echo "no $JAR after the build" >&2; exit 2; }
}

free_port() {
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || true)
  if [ -z "$port" ]; then
    for p in $(seq 18080 18180); do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
    done
  fi
  [ -n "$port" ] || { echo "no free port found" >&2; exit 2; }
  echo "$port"
}

service_start() {
  local schema=$1; shift
  local settings=() java_opts=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do settings+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  java_opts=("$@")
  local port
  port=$(free_port)
  URL=http://127.0.0.1:$port
  phase "starting the service on $URL (schema $schema)"
  env QUARKUS_HTTP_HOST=127.0.0.1 \
      QUARKUS_HTTP_PORT="$port" \
      MOMENTS_ADMIN_TOKEN="$ADMIN_TOKEN" \
      MOMENTS_PUBLIC_URL="$URL" \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
      MOMENTS_SCHEMA="$schema" \
      QUARKUS_FLYWAY_CLEAN_DISABLED=false \
      QUARKUS_FLYWAY_CLEAN_AT_START=true \
      "${settings[@]}" \
      java "${java_opts[@]}" -jar "$JAR" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  local up=0
  for _ in $(seq 1 120); do   # at most ~60 s
    if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
    if curl -fsS -m 2 "$URL/q/health" >/dev/null 2>&1; then up=1; break; fi
    sleep 0.5
  done
  if [ "$up" != 1 ]; then
    echo "the service did not become healthy; last lines of its log:" >&2
    tail -n 40 "$WORK/app.log" >&2
    exit 2
  fi
  echo "healthy"
}

service_stop() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
}
