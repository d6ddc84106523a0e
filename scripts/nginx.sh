#!/usr/bin/env bash
# nginx as the load balancer in front of several consoles, for the tests (Debian's, installed with
# apt when root and absent), run as a plain process with a generated configuration.
#   scripts/nginx.sh start PORT UPSTREAM_PORT...  -> prints its URL (http://127.0.0.1:PORT)
#   scripts/nginx.sh stop PORT
# Everything lives in /tmp/mistral-console-nginx-PORT. Round robin over 127.0.0.1:UPSTREAM_PORT...,
# HTTP/1.1 keep-alive to them, nothing buffered, X-Forwarded-For appended: see the README's
# "Several instances" for the same settings in production.
set -euo pipefail

cmd=${1:-start}
port=${2:?usage: $0 start|stop PORT [UPSTREAM_PORT...]}
dir=/tmp/mistral-console-nginx-$port

find_bin() {
  command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true
}

case $cmd in
  start)
    shift 2
    [ $# -gt 0 ] || { echo "usage: $0 start PORT UPSTREAM_PORT..." >&2; exit 2; }
    bin=$(find_bin)
    if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Debian's nginx package for the tests..." >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx >/dev/null; }
      bin=$(find_bin)
    fi
    if [ -z "$bin" ]; then
      echo "nginx is needed for the several-instances test: install it (apt-get install nginx)." >&2
      exit 1
    fi
    if [ -f "$dir/nginx.pid" ] && kill -0 "$(cat "$dir/nginx.pid")" 2>/dev/null; then
      kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
      sleep 0.2
    fi
    rm -rf "$dir"
    mkdir -p "$dir/tmp"
    servers=""
    for upstream in "$@"; do servers+="    server 127.0.0.1:$upstream;"$'\n'; done
    # As root the workers run as nobody: their temp folders must be theirs.
    [ "$(id -u)" = 0 ] && chown -R nobody "$dir/tmp"
    cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
daemon on;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  upstream consoles {
$servers    keepalive 16;
  }
  server {
    listen 127.0.0.1:$port;
    client_max_body_size 512m;
    location / {
      proxy_pass http://consoles;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_buffering off;
      proxy_request_buffering off;
      proxy_read_timeout 600s;
    }
  }
}
EOF
    "$bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log"
    for _ in $(seq 1 50); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "http://127.0.0.1:$port"
        exit 0
      fi
      sleep 0.1
    done
    echo "nginx did not start listening on $port:" >&2
    cat "$dir/error.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -f "$dir/nginx.pid" ]; then
      kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop PORT [UPSTREAM_PORT...]" >&2
    exit 2
    ;;
esac
