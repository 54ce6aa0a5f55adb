#!/usr/bin/env bash
# Builds Backlight and runs it on this machine with demo data: embedded PostgreSQL and the services, no Docker.
# Ctrl-C stops everything. Set BACKLIGHT_DB_URL (postgresql://host:port/db) to use your own PostgreSQL instead.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -ntp package -DskipTests
exec java -jar deploy/target/local-suite.jar "$PWD"
