#!/usr/bin/env bash
# Makes sure PostgreSQL, Redis and NATS (with JetStream) answer on their local ports.
# For each: already up -> says so; installed but stopped -> starts it; absent -> installs the
# Debian package (as root) and starts it. Says plainly what it did. Exit 1 if one stays down.
set -u
PGHOST_=127.0.0.1; PGPORT_=5432; REDIS_PORT_=6379; NATS_PORT_=4222

say() { printf '[servers] %s\n' "$*"; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && exec 3>&- 3<&-; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }
apt_install() {
  say "installing Debian package(s): $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 || {
    as_root apt-get update -q >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1
  } || { say "could not install $* (need root or passwordless sudo)"; return 1; }
}
wait_port() { for _ in $(seq 1 60); do port_open "$1" "$2" && return 0; sleep 0.5; done; return 1; }

ensure_postgres() {
  if port_open $PGHOST_ $PGPORT_; then say "PostgreSQL: already running on $PGHOST_:$PGPORT_"; return 0; fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    apt_install postgresql || return 1
    local conf; conf=$(ls -d /etc/postgresql/*/main | head -1)
    # A development machine: trust local TCP connections so postgres@127.0.0.1 works without a password.
    as_root sh -c "printf 'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n' | cat - $conf/pg_hba.conf > $conf/pg_hba.conf.new && mv $conf/pg_hba.conf.new $conf/pg_hba.conf"
    say "PostgreSQL: installed; local TCP connections trusted in $conf/pg_hba.conf (development setting)"
  fi
  say "PostgreSQL: starting"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >/dev/null 2>&1 || true
  wait_port $PGHOST_ $PGPORT_ || { say "PostgreSQL: did not come up"; return 1; }
  if command -v psql >/dev/null && ! psql -h $PGHOST_ -U postgres -lqt 2>/dev/null | cut -d'|' -f1 | grep -qw test; then
    psql -h $PGHOST_ -U postgres -c 'CREATE DATABASE test' >/dev/null 2>&1 && say "PostgreSQL: created database test"
  fi
  say "PostgreSQL: started on $PGHOST_:$PGPORT_"
}

ensure_redis() {
  if port_open 127.0.0.1 $REDIS_PORT_; then say "Redis: already running on 127.0.0.1:$REDIS_PORT_"; return 0; fi
  command -v redis-server >/dev/null || apt_install redis-server || return 1
  say "Redis: starting (no persistence: Redis holds no truth here)"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port $REDIS_PORT_ --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null 2>&1 \
    || redis-server --daemonize yes --bind 127.0.0.1 --port $REDIS_PORT_ --save "" --appendonly no >/dev/null 2>&1
  wait_port 127.0.0.1 $REDIS_PORT_ || { say "Redis: did not come up"; return 1; }
  say "Redis: started on 127.0.0.1:$REDIS_PORT_"
}

ensure_nats() {
  if port_open 127.0.0.1 $NATS_PORT_; then say "NATS: already running on 127.0.0.1:$NATS_PORT_"; return 0; fi
  [ -x /usr/sbin/nats-server ] || command -v nats-server >/dev/null || apt_install nats-server || return 1
  local bin; bin=$( [ -x /usr/sbin/nats-server ] && echo /usr/sbin/nats-server || command -v nats-server )
  mkdir -p /var/lib/nats-server 2>/dev/null || true
  say "NATS: starting with JetStream"
  if command -v start-stop-daemon >/dev/null; then
    start-stop-daemon --start --oknodo --background --exec "$bin" -- -a 127.0.0.1 -p $NATS_PORT_ -js -sd /var/lib/nats-server -l /var/log/nats-server.log
  else
    nohup "$bin" -a 127.0.0.1 -p $NATS_PORT_ -js -sd "${TMPDIR:-/tmp}/nats-js" >/dev/null 2>&1 &
  fi
  wait_port 127.0.0.1 $NATS_PORT_ || { say "NATS: did not come up"; return 1; }
  say "NATS: started on 127.0.0.1:$NATS_PORT_"
}

status=0
ensure_postgres || status=1
ensure_redis || status=1
ensure_nats || status=1
exit $status
