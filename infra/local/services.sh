#!/usr/bin/env bash
# Local backing services for Fractal: Azurite (Azure Storage emulator), RabbitMQ, PostgreSQL, and
# Debian's Chromium for the browser tests (installed only: a test launches it).
#
# Usage:
#   infra/local/services.sh start  [azurite|rabbitmq|postgres|chromium|all]...   (default: all)
#   infra/local/services.sh stop   [azurite|rabbitmq|postgres|chromium|all]...   (default: all)
#   infra/local/services.sh status [azurite|rabbitmq|postgres|chromium|all]...   (exit 0 only if all answer)
#   infra/local/services.sh env    [azurite|rabbitmq|postgres|chromium|all]...   (prints `export KEY='value'` lines)
#   infra/local/services.sh rabbitmqctl ARGS...                                (the broker's rabbitmqctl, e.g. stop_app)
#
# `start` installs whatever is missing (npm ci for Azurite, apt-get for rabbitmq-server and
# postgresql), starts the service bound to 127.0.0.1 with its data under the state dir, waits
# until it answers, and prints the connection settings on stdout (progress goes to stderr).
# It is idempotent: a service this script already started is left alone, and a service that
# already answers on the port (started by someone else) is reused and never stopped by `stop`.
#
# Environment:
#   FRACTAL_STATE_DIR          state dir (default: <repo>/.local)
#   FRACTAL_SERVICES_TIMEOUT   seconds to wait for each service to answer (default: 90)
#   AZURITE_BLOB_PORT / AZURITE_QUEUE_PORT / AZURITE_TABLE_PORT   (default: 10000 / 10001 / 10002)
#   RABBITMQ_PORT              AMQP port (default: 5672)
#   PGPORT                     PostgreSQL port (default: 5432)
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd -- "$SCRIPT_DIR/../.." && pwd)
STATE_DIR=${FRACTAL_STATE_DIR:-$REPO/.local}
TIMEOUT=${FRACTAL_SERVICES_TIMEOUT:-90}

HOST=127.0.0.1
AZURITE_BLOB_PORT=${AZURITE_BLOB_PORT:-10000}
AZURITE_QUEUE_PORT=${AZURITE_QUEUE_PORT:-10001}
AZURITE_TABLE_PORT=${AZURITE_TABLE_PORT:-10002}
RABBITMQ_PORT=${RABBITMQ_PORT:-5672}
PGPORT=${PGPORT:-5432}
PG_DB=fractal
PG_USER=fractal
PG_PASSWORD=fractal

# Well-known Azurite development account (public, documented by Microsoft).
AZURITE_ACCOUNT=devstoreaccount1
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

RABBIT_LIB=/usr/lib/rabbitmq/bin
ALL_SERVICES=(azurite rabbitmq postgres chromium)

# ---------------------------------------------------------------------------------------------
# helpers

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

# Print the last lines of a log file (to stderr) to explain a failure.
show_log() {
  local file=$1
  if [[ -s $file ]]; then
    printf '[services] --- last lines of %s ---\n' "$file" >&2
    tail -n 30 -- "$file" >&2 || true
    printf '[services] ---\n' >&2
  fi
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Run a command as a system user (when root), or as ourselves otherwise.
as_user() {
  local user=$1; shift
  if is_root && [[ $user != root ]]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

# Bash snippet that closes every file descriptor above 2: daemons we start must not inherit our
# lock file or the caller's pipes (a caller waiting for EOF on a pipe would hang).
# shellcheck disable=SC2016
CLOSE_FDS='for fd in /proc/$$/fd/*; do fd=${fd##*/}; if ((fd > 2)); then eval "exec $fd>&-"; fi; done'

# as_user_clean USER COMMAND...: as_user, with every descriptor above 2 closed first (runuser
# itself would otherwise keep them open for as long as COMMAND runs).
as_user_clean() {
  local user=$1; shift
  if is_root && [[ $user != root ]]; then set -- runuser -u "$user" -- "$@"; fi
  bash -c "$CLOSE_FDS"'; exec "$@"' as_user_clean "$@"
}

# True if something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  # shellcheck disable=SC2016
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$HOST" "$1" 2>/dev/null
}

# alive PID: the process exists and is not a zombie (our daemons are reparented to pid 1,
# which may be slow to reap them).
alive() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  state=$(sed -e 's/.*) //' -e 's/ .*//' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ $state != Z ]]
}

# wait_for DESCRIPTION PID-OR-EMPTY LOGFILE COMMAND...: poll COMMAND until it succeeds.
# Fails (with the log tail) on timeout or when PID (the process we started) has died.
wait_for() {
  local what=$1 pid=$2 logfile=$3; shift 3
  local deadline=$((SECONDS + TIMEOUT))
  until "$@"; do
    if [[ -n $pid ]] && ! alive "$pid"; then
      "$@" && return 0
      show_log "$logfile"
      die "$what: the process (pid $pid) exited before it answered"
    fi
    if ((SECONDS >= deadline)); then
      show_log "$logfile"
      die "$what did not answer within ${TIMEOUT}s"
    fi
    sleep 0.5
  done
}

# pid_matches PID PATTERN: PID is alive and its command line contains PATTERN.
pid_matches() {
  local pid=$1 pattern=$2 cmdline
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$pattern"* ]]
}

# read_pid FILE: print the first line of a pid file (empty if missing).
read_pid() {
  if [[ -r $1 ]]; then head -n 1 -- "$1" | tr -dc '0-9'; fi
}

# stop_pid NAME PID: SIGTERM, wait up to 20 s, then SIGKILL.
stop_pid() {
  local name=$1 pid=$2 i
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 40; i++)); do
    alive "$pid" || return 0
    sleep 0.5
  done
  log "$name (pid $pid) ignored SIGTERM; sending SIGKILL"
  kill -9 "$pid" 2>/dev/null || true
}

# A directory a system user can own: <state>/<name> when that user can reach the state dir,
# otherwise (repo under a private home, say) a per-repo directory under /var/tmp.
# (The user may not exist before its package is installed; call again after installing.)
service_dir() {
  local name=$1 user=$2 dir probe=nobody
  dir=$STATE_DIR/$name
  if is_root; then
    id -u "$user" >/dev/null 2>&1 && probe=$user
    if ! runuser -u "$probe" -- test -x "$STATE_DIR" 2>/dev/null; then
      dir=/var/tmp/fractal-$(printf '%s' "$STATE_DIR" | cksum | cut -d' ' -f1)/$name
      mkdir -p "$(dirname "$dir")"
      chmod 755 "$(dirname "$dir")"
    fi
  fi
  mkdir -p "$dir"
  if is_root && [[ $probe == "$user" ]]; then chown "$user:" "$dir"; fi
  printf '%s\n' "$dir"
}

# ---------------------------------------------------------------------------------------------
# installation

APT_UPDATED=0
POLICY_RC=/usr/sbin/policy-rc.d
POLICY_RC_OURS=0

cleanup() {
  if ((POLICY_RC_OURS)); then rm -f "$POLICY_RC"; POLICY_RC_OURS=0; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

apt_install() {
  local logfile=$STATE_DIR/apt.log
  is_root || die "need root to apt-get install $* (or install it yourself)"
  # Debian's postinst scripts start services through invoke-rc.d. We start our own instances,
  # so forbid that while installing (there is no systemd here, and the packaged defaults would
  # listen on all interfaces and take our ports).
  if [[ ! -e $POLICY_RC ]]; then
    printf '#!/bin/sh\n# temporary, written by fractal infra/local/services.sh\nexit 101\n' >"$POLICY_RC"
    chmod 755 "$POLICY_RC"
    POLICY_RC_OURS=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -q -y -o DPkg::Lock::Timeout=300
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  if ((!APT_UPDATED)); then
    log "apt-get update"
    "${apt[@]}" update >>"$logfile" 2>&1 || { show_log "$logfile"; die "apt-get update failed"; }
    APT_UPDATED=1
  fi
  log "apt-get install $* (log: $logfile)"
  "${apt[@]}" install --no-install-recommends "$@" >>"$logfile" 2>&1 \
    || { show_log "$logfile"; die "apt-get install $* failed"; }
  cleanup
}

# ---------------------------------------------------------------------------------------------
# Azurite

AZURITE_BIN=$REPO/node_modules/.bin/azurite

azurite_dir() { printf '%s\n' "$STATE_DIR/azurite"; }

azurite_pinned_version() {
  node -p "require(process.argv[1]).devDependencies.azurite" "$REPO/package.json" 2>/dev/null || true
}

azurite_installed_version() {
  node -p "require(process.argv[1]).version" "$REPO/node_modules/azurite/package.json" 2>/dev/null || true
}

azurite_install() {
  if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
    apt_install nodejs npm
  fi
  if [[ -x $AZURITE_BIN && $(azurite_installed_version) == "$(azurite_pinned_version)" ]]; then
    return 0
  fi
  log "npm ci (Azurite $(azurite_pinned_version) into $REPO/node_modules)"
  local logfile=$STATE_DIR/npm.log
  (cd "$REPO" && npm ci --no-audit --no-fund --loglevel=error) >"$logfile" 2>&1 \
    || { show_log "$logfile"; die "npm ci failed"; }
  [[ -x $AZURITE_BIN ]] || die "npm ci did not provide $AZURITE_BIN"
}

# Azurite answers: all three ports accept connections and the blob endpoint speaks HTTP.
azurite_answers() {
  port_open "$AZURITE_BLOB_PORT" && port_open "$AZURITE_QUEUE_PORT" && port_open "$AZURITE_TABLE_PORT" || return 1
  local code
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' \
    "http://$HOST:$AZURITE_BLOB_PORT/$AZURITE_ACCOUNT?comp=list" 2>/dev/null) || true
  [[ $code =~ ^[1-5][0-9][0-9]$ ]]
}

azurite_our_pid() {
  local pid
  pid=$(read_pid "$(azurite_dir)/azurite.pid")
  if pid_matches "$pid" azurite; then printf '%s\n' "$pid"; fi
}

azurite_start() {
  local dir pid logfile
  dir=$(azurite_dir)
  logfile=$dir/azurite.log
  pid=$(azurite_our_pid)
  if [[ -n $pid ]]; then
    wait_for "Azurite" "$pid" "$logfile" azurite_answers
    log "azurite: already running (pid $pid)"
    return 0
  fi
  rm -f "$dir/azurite.pid"
  if azurite_answers; then
    log "azurite: reusing the Azurite already answering on ports $AZURITE_BLOB_PORT/$AZURITE_QUEUE_PORT/$AZURITE_TABLE_PORT"
    return 0
  fi
  local port
  for port in "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT"; do
    port_open "$port" && die "port $port is in use by something that is not Azurite; set AZURITE_*_PORT"
  done
  azurite_install
  mkdir -p "$dir/workspace"
  log "azurite: starting (data: $dir/workspace, log: $logfile)"
  # The inner shell records its own pid, then execs node: the pid file holds the server's pid.
  # shellcheck disable=SC2016
  setsid bash -c "$CLOSE_FDS"'; echo $$ >"$0"; exec "$@"' "$dir/azurite.pid" \
    "$AZURITE_BIN" --silent --skipApiVersionCheck --disableTelemetry --loose \
    --location "$dir/workspace" \
    --blobHost "$HOST" --blobPort "$AZURITE_BLOB_PORT" \
    --queueHost "$HOST" --queuePort "$AZURITE_QUEUE_PORT" \
    --tableHost "$HOST" --tablePort "$AZURITE_TABLE_PORT" \
    </dev/null >"$logfile" 2>&1 &
  wait_for "Azurite pid file" "" "$logfile" test -s "$dir/azurite.pid"
  pid=$(read_pid "$dir/azurite.pid")
  wait_for "Azurite" "$pid" "$logfile" azurite_answers
  log "azurite: ready (pid $pid)"
}

azurite_stop() {
  local dir pid
  dir=$(azurite_dir)
  pid=$(azurite_our_pid)
  if [[ -z $pid ]]; then
    rm -f "$dir/azurite.pid"
    log "azurite: not running from this script; nothing to stop"
    return 0
  fi
  log "azurite: stopping pid $pid"
  stop_pid azurite "$pid"
  rm -f "$dir/azurite.pid"
}

azurite_status() {
  local pid
  pid=$(azurite_our_pid)
  if azurite_answers; then
    if [[ -n $pid ]]; then echo "azurite:  running (pid $pid, started by this script), ports $AZURITE_BLOB_PORT/$AZURITE_QUEUE_PORT/$AZURITE_TABLE_PORT"
    else echo "azurite:  running (not started by this script), ports $AZURITE_BLOB_PORT/$AZURITE_QUEUE_PORT/$AZURITE_TABLE_PORT"; fi
  else
    if [[ -n $pid ]]; then echo "azurite:  NOT ANSWERING (pid $pid alive)"; else echo "azurite:  stopped"; fi
    return 1
  fi
}

azurite_settings() {
  local conn
  if [[ $AZURITE_BLOB_PORT == 10000 && $AZURITE_QUEUE_PORT == 10001 && $AZURITE_TABLE_PORT == 10002 ]]; then
    conn='UseDevelopmentStorage=true'
  else
    conn="DefaultEndpointsProtocol=http;AccountName=$AZURITE_ACCOUNT;AccountKey=$AZURITE_KEY;"
    conn+="BlobEndpoint=http://$HOST:$AZURITE_BLOB_PORT/$AZURITE_ACCOUNT;"
    conn+="QueueEndpoint=http://$HOST:$AZURITE_QUEUE_PORT/$AZURITE_ACCOUNT;"
    conn+="TableEndpoint=http://$HOST:$AZURITE_TABLE_PORT/$AZURITE_ACCOUNT;"
  fi
  printf 'AzureWebJobsStorage\t%s\n' "$conn"
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ

rabbit_dir() { service_dir rabbitmq rabbitmq; }

# Distribution listens on loopback only, so the node's host name must resolve to loopback.
# A non-default port gets its own node name, so two instances can run side by side.
rabbit_nodename() {
  local h addr name=rabbit
  [[ $RABBITMQ_PORT == 5672 ]] || name=rabbit$RABBITMQ_PORT
  h=$(hostname -s 2>/dev/null || true)
  addr=$(getent ahostsv4 "$h" 2>/dev/null | awk 'NR==1 {print $1}') || true
  if [[ -n $h && $addr == 127.* ]]; then echo "$name@$h"; else echo "$name@localhost"; fi
}

# rabbitmqctl as the rabbitmq user, so it uses that user's Erlang cookie (as the server does).
rabbitctl() {
  local home=/var/lib/rabbitmq
  is_root || home=$HOME
  (cd / && as_user_clean rabbitmq env HOME="$home" ERL_EPMD_ADDRESS=$HOST \
    "$RABBIT_LIB/rabbitmqctl" -n "$(rabbit_nodename)" "$@")
}

rabbit_install() {
  [[ -x $RABBIT_LIB/rabbitmq-server ]] || apt_install rabbitmq-server
  [[ -x $RABBIT_LIB/rabbitmq-server ]] || die "rabbitmq-server is not installed at $RABBIT_LIB"
}

# The AMQP port answers the protocol header with a connection.start method frame (type 1).
rabbit_answers() {
  port_open "$RABBITMQ_PORT" || return 1
  local first
  # shellcheck disable=SC2016
  first=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "AMQP\0\0\11\1" >&3 && head -c 1 <&3 | od -An -tx1' \
    "$HOST" "$RABBITMQ_PORT" 2>/dev/null) || return 1
  [[ ${first// /} == 01 ]]
}

rabbit_our_pid() {
  local dir pid
  dir=$(rabbit_dir)
  [[ -e $dir/started-by-script ]] || return 0
  pid=$(read_pid "$dir/rabbitmq.pid")
  if pid_matches "$pid" beam; then printf '%s\n' "$pid"; fi
}

rabbit_ready() {
  rabbitctl -q await_startup --timeout 10 >/dev/null 2>&1 && rabbit_answers
}

rabbit_start() {
  local dir pid logfile
  dir=$(rabbit_dir)
  logfile=$dir/rabbitmq.out
  pid=$(rabbit_our_pid)
  if [[ -n $pid ]]; then
    wait_for "RabbitMQ" "$pid" "$logfile" rabbit_ready
    log "rabbitmq: already running (pid $pid)"
    return 0
  fi
  if rabbit_answers; then
    log "rabbitmq: reusing the AMQP server already answering on port $RABBITMQ_PORT"
    return 0
  fi
  port_open "$RABBITMQ_PORT" && die "port $RABBITMQ_PORT is in use by something that is not RabbitMQ; set RABBITMQ_PORT"
  rabbit_install
  dir=$(rabbit_dir)
  logfile=$dir/rabbitmq.out

  mkdir -p "$dir/mnesia" "$dir/log"
  rm -f "$dir/rabbitmq.pid" "$dir/started-by-script" "$dir/epmd.pid"
  echo '[].' >"$dir/enabled_plugins"   # no plugins (no management UI)
  {
    echo "# written by infra/local/services.sh"
    echo "listeners.tcp.default = $HOST:$RABBITMQ_PORT"
    echo "loopback_users.guest = true"
  } >"$dir/rabbitmq.conf"
  : >"$dir/rabbitmq-env.conf"           # do not read /etc/rabbitmq/rabbitmq-env.conf
  if is_root; then chown -R rabbitmq: "$dir"; fi

  # epmd is started by the first Erlang node if it is not running; remember whether that is us.
  local epmd_before
  epmd_before=$(pgrep -x epmd || true)

  local home=/var/lib/rabbitmq runas=()
  is_root && runas=(runuser -u rabbitmq --)
  is_root || home=$HOME
  log "rabbitmq: starting $(rabbit_nodename) (data: $dir, log: $dir/log)"
  (
    cd "$dir"
    setsid bash -c "$CLOSE_FDS"'; exec "$@"' rabbitmq-server env HOME="$home" \
      RABBITMQ_NODENAME="$(rabbit_nodename)" \
      RABBITMQ_NODE_IP_ADDRESS=$HOST \
      RABBITMQ_NODE_PORT="$RABBITMQ_PORT" \
      RABBITMQ_MNESIA_BASE="$dir/mnesia" \
      RABBITMQ_LOG_BASE="$dir/log" \
      RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
      RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
      RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" \
      RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" \
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}' \
      ERL_EPMD_ADDRESS=$HOST \
      "${runas[@]}" "$RABBIT_LIB/rabbitmq-server" </dev/null >"$logfile" 2>&1 &
    echo $! >"$dir/launcher.pid"
  )
  : >"$dir/started-by-script"
  local launcher
  launcher=$(read_pid "$dir/launcher.pid")
  wait_for "RabbitMQ pid file" "$launcher" "$logfile" test -s "$dir/rabbitmq.pid"
  pid=$(read_pid "$dir/rabbitmq.pid")
  wait_for "RabbitMQ" "$pid" "$logfile" rabbit_ready
  if [[ -z $epmd_before ]]; then pgrep -x epmd >"$dir/epmd.pid" || true; fi
  log "rabbitmq: ready (pid $pid)"
}

rabbit_stop() {
  local dir pid epmd
  dir=$(rabbit_dir)
  pid=$(rabbit_our_pid)
  if [[ -z $pid ]]; then
    log "rabbitmq: not running from this script; nothing to stop"
  else
    log "rabbitmq: stopping pid $pid"
    rabbitctl -q stop "$dir/rabbitmq.pid" >/dev/null 2>&1 || stop_pid rabbitmq "$pid"
    if alive "$pid"; then stop_pid rabbitmq "$pid"; fi
  fi
  # epmd, if our start launched it and no other Erlang node still uses it.
  epmd=$(read_pid "$dir/epmd.pid")
  if pid_matches "$epmd" epmd; then
    if ! ERL_EPMD_ADDRESS=$HOST timeout 5 epmd -names 2>/dev/null | grep -q '^name '; then
      stop_pid epmd "$epmd"
    fi
  fi
  rm -f "$dir/rabbitmq.pid" "$dir/launcher.pid" "$dir/epmd.pid" "$dir/started-by-script"
}

rabbit_status() {
  local pid
  pid=$(rabbit_our_pid)
  if rabbit_answers; then
    if [[ -n $pid ]]; then echo "rabbitmq: running (pid $pid, node $(rabbit_nodename), started by this script), port $RABBITMQ_PORT"
    else echo "rabbitmq: running (not started by this script), port $RABBITMQ_PORT"; fi
  else
    if [[ -n $pid ]]; then echo "rabbitmq: NOT ANSWERING (pid $pid alive)"; else echo "rabbitmq: stopped"; fi
    return 1
  fi
}

rabbit_settings() {
  printf 'RabbitMQConnection\tamqp://guest:guest@%s:%s/\n' "$HOST" "$RABBITMQ_PORT"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL

PG_BIN=

# Newest server version under /usr/lib/postgresql/<ver>/bin.
pg_find_bin() {
  local d dirs
  PG_BIN=
  mapfile -t dirs < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
  for d in "${dirs[@]}"; do
    if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then PG_BIN=$d; fi
  done
  [[ -n $PG_BIN ]]
}

pg_install() {
  pg_find_bin || apt_install postgresql
  pg_find_bin || die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
}

pg_dir() { service_dir postgres postgres; }

# Unix socket directory (for admin access as the postgres user); kept short (108-byte limit).
pg_sockdir() {
  local dir=$1
  if ((${#dir} < 80)); then
    printf '%s\n' "$dir/run"
  else
    printf '/tmp/fractal-pg-%s\n' "$(printf '%s' "$dir" | cksum | cut -d' ' -f1)"
  fi
}

pg_client() {
  local name=$1
  if [[ -n $PG_BIN && -x $PG_BIN/$name ]]; then echo "$PG_BIN/$name"
  elif command -v "$name" >/dev/null; then command -v "$name"
  fi
}

# The fractal credentials work over TCP.
pg_fractal_ok() {
  local psql
  psql=$(pg_client psql)
  [[ -n $psql ]] || return 1
  PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=5 "$psql" -X -q -t -A -w \
    -h "$HOST" -p "$PGPORT" -U "$PG_USER" -d "$PG_DB" -c 'select 1' >/dev/null 2>&1
}

pg_isready_tcp() {
  local isready
  isready=$(pg_client pg_isready)
  if [[ -n $isready ]]; then "$isready" -q -h "$HOST" -p "$PGPORT" -t 3; else port_open "$PGPORT"; fi
}

pg_our_pid() {
  local dir pid
  dir=$(pg_dir)
  pid=$(read_pid "$dir/postgres.pid")
  [[ -n $pid && $pid == "$(read_pid "$dir/data/postmaster.pid")" ]] || return 0
  if pid_matches "$pid" postgres; then printf '%s\n' "$pid"; fi
}

pg_admin_sql() {
  local dir=$1; shift
  (cd / && as_user postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h "$(pg_sockdir "$dir")" -p "$PGPORT" -U postgres -d postgres "$@")
}

pg_ensure_role_db() {
  local dir=$1
  pg_admin_sql "$dir" >/dev/null <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $PG_DB OWNER $PG_USER'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DB') \gexec
SQL
}

pg_start() {
  local dir pid logfile sockdir
  pg_find_bin || true
  dir=$(pg_dir)
  logfile=$dir/postgres.log
  pid=$(pg_our_pid)
  if [[ -n $pid ]]; then
    wait_for "PostgreSQL" "$pid" "$logfile" pg_isready_tcp
    pg_ensure_role_db "$dir"
    log "postgres: already running (pid $pid)"
    return 0
  fi
  rm -f "$dir/postgres.pid"
  if pg_fractal_ok; then
    log "postgres: reusing the PostgreSQL already answering on port $PGPORT (fractal credentials work)"
    return 0
  fi
  if port_open "$PGPORT"; then
    die "port $PGPORT is in use (not by this script's cluster, and $PG_USER/$PG_PASSWORD@$PG_DB does not work there); stop that server or set PGPORT"
  fi
  pg_install
  dir=$(pg_dir)
  logfile=$dir/postgres.log

  sockdir=$(pg_sockdir "$dir")
  mkdir -p "$sockdir"
  if is_root; then chown postgres: "$sockdir"; fi
  chmod 700 "$sockdir"
  if [[ ! -s $dir/data/PG_VERSION ]]; then
    log "postgres: initdb ($dir/data, $("$PG_BIN/postgres" --version))"
    rm -rf "$dir/data"
    (cd / && as_user postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=scram-sha-256) >"$dir/initdb.log" 2>&1 \
      || { show_log "$dir/initdb.log"; die "initdb failed"; }
    echo "include_if_exists = 'fractal.conf'" >>"$dir/data/postgresql.conf"
  fi
  # Rewritten on every start so PGPORT / the socket dir can change between runs.
  {
    echo "# written by infra/local/services.sh on every start"
    echo "listen_addresses = '$HOST'"
    echo "port = $PGPORT"
    echo "unix_socket_directories = '$sockdir'"
  } >"$dir/data/fractal.conf"
  if is_root; then chown postgres: "$dir/data/fractal.conf"; touch "$logfile"; chown postgres: "$logfile"; fi

  log "postgres: starting (data: $dir/data, log: $logfile)"
  if ! (cd / && as_user_clean postgres setsid -w "$PG_BIN/pg_ctl" -D "$dir/data" -l "$logfile" -w -t "$TIMEOUT" start \
      </dev/null >"$dir/pg_ctl.out" 2>&1); then
    show_log "$dir/pg_ctl.out"
    show_log "$logfile"
    die "pg_ctl start failed"
  fi
  pid=$(read_pid "$dir/data/postmaster.pid")
  echo "$pid" >"$dir/postgres.pid"
  wait_for "PostgreSQL" "$pid" "$logfile" pg_isready_tcp
  pg_ensure_role_db "$dir"
  pg_fractal_ok || die "PostgreSQL is up but $PG_USER@$HOST:$PGPORT/$PG_DB cannot log in"
  log "postgres: ready (pid $pid)"
}

pg_stop() {
  local dir pid
  dir=$(pg_dir)
  pid=$(pg_our_pid)
  if [[ -z $pid ]]; then
    rm -f "$dir/postgres.pid"
    log "postgres: not running from this script; nothing to stop"
    return 0
  fi
  pg_find_bin || die "PostgreSQL binaries not found"
  log "postgres: stopping pid $pid"
  (cd / && as_user postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop) >/dev/null 2>&1 \
    || stop_pid postgres "$pid"
  rm -f "$dir/postgres.pid"
}

pg_status() {
  local pid
  pg_find_bin || true
  pid=$(pg_our_pid)
  if pg_isready_tcp; then
    local creds="fractal login OK"
    pg_fractal_ok || creds="fractal login FAILS"
    if [[ -n $pid ]]; then echo "postgres: running (pid $pid, started by this script), port $PGPORT, $creds"
    else echo "postgres: running (not started by this script), port $PGPORT, $creds"; fi
    [[ $creds == *OK ]]
  else
    if [[ -n $pid ]]; then echo "postgres: NOT ANSWERING (pid $pid alive)"; else echo "postgres: stopped"; fi
    return 1
  fi
}

pg_settings() {
  printf 'PostgresConnection\tHost=%s;Port=%s;Username=%s;Password=%s;Database=%s\n' \
    "$HOST" "$PGPORT" "$PG_USER" "$PG_PASSWORD" "$PG_DB"
}

# ---------------------------------------------------------------------------------------------
# chromium: Debian's browser for the browser tests; nothing runs until a test launches it

CHROMIUM_BIN=/usr/bin/chromium

chromium_start() {
  [[ -x $CHROMIUM_BIN ]] || apt_install chromium
  [[ -x $CHROMIUM_BIN ]] || die "chromium is not at $CHROMIUM_BIN after installing it"
  log "chromium: ready ($("$CHROMIUM_BIN" --version 2>/dev/null || echo "$CHROMIUM_BIN"))"
}

chromium_stop() { log "chromium: nothing runs between tests; nothing to stop"; }

chromium_status() {
  if [[ -x $CHROMIUM_BIN ]]; then echo "chromium: installed ($CHROMIUM_BIN)"; else echo "chromium: not installed"; return 1; fi
}

chromium_settings() { printf 'FRACTAL_CHROMIUM\t%s\n' "$CHROMIUM_BIN"; }

# ---------------------------------------------------------------------------------------------
# commands

service_fn() {
  case $1 in
    azurite) echo "azurite_$2" ;;
    rabbitmq) echo "rabbit_$2" ;;
    postgres) echo "pg_$2" ;;
    chromium) echo "chromium_$2" ;;
  esac
}

# Expand the service arguments ("all" or none = every service); validates names.
parse_services() {
  local s out=()
  (($# == 0)) && set -- all
  for s in "$@"; do
    case $s in
      all) out+=("${ALL_SERVICES[@]}") ;;
      azurite | rabbitmq | postgres | chromium) out+=("$s") ;;
      rabbit) out+=(rabbitmq) ;;
      postgresql | pg) out+=(postgres) ;;
      *) die "unknown service '$s' (expected azurite, rabbitmq, postgres, chromium or all)" ;;
    esac
  done
  printf '%s\n' "${out[@]}" | awk '!seen[$0]++'
}

print_settings() {
  local s
  for s in "$@"; do "$(service_fn "$s" settings)"; done | while IFS=$'\t' read -r key value; do
    printf '%s=%s\n' "$key" "$value"
  done
}

print_env() {
  local s
  for s in "$@"; do "$(service_fn "$s" settings)"; done | while IFS=$'\t' read -r key value; do
    printf "export %s='%s'\n" "$key" "$value"
  done
}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

lock_state() {
  mkdir -p "$STATE_DIR"
  chmod 755 "$STATE_DIR" 2>/dev/null || true
  exec 9>"$STATE_DIR/.services.lock"
  flock -w 600 9 || die "another services.sh run holds $STATE_DIR/.services.lock"
}

main() {
  local cmd=${1:-}
  [[ -n $cmd ]] || usage
  shift
  local services s rc=0
  case $cmd in
    start | stop | status | env) ;;
    # rabbitmqctl ARGS...: the broker's rabbitmqctl as the server's user (tests stop and start the app with it).
    rabbitmqctl) rabbitctl "$@"; return ;;
    -h | --help | help) usage ;;
    *) die "unknown command '$cmd' (expected start, stop, status, env or rabbitmqctl)" ;;
  esac
  mapfile -t services < <(parse_services "$@")
  ((${#services[@]})) || exit 2
  STATE_DIR=$(mkdir -p "$STATE_DIR" && cd "$STATE_DIR" && pwd)

  case $cmd in
    start)
      lock_state
      local t0=$SECONDS
      for s in "${services[@]}"; do "$(service_fn "$s" start)"; done
      log "ready in $((SECONDS - t0))s; connection settings:"
      print_settings "${services[@]}"
      ;;
    stop)
      lock_state
      for s in "${services[@]}"; do "$(service_fn "$s" stop)"; done
      ;;
    status)
      for s in "${services[@]}"; do "$(service_fn "$s" status)" || rc=1; done
      return "$rc"
      ;;
    env)
      print_env "${services[@]}"
      ;;
  esac
}

main "$@"
