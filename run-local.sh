#!/usr/bin/env bash
# Builds Backlight and runs it on this machine with no Docker: embedded PostgreSQL, Keycloak, the services, the gateway.
# Everything is kept in one data directory (~/.backlight, or $BACKLIGHT_DATA, or --data-dir DIR); demo data goes into a
# new one. Ctrl-C stops everything and keeps the data. --help lists the options (demo data, reset, backup, restore).
# Set BACKLIGHT_DB_URL (postgresql://host:port/db) to use your own PostgreSQL instead of the embedded one.
set -euo pipefail
cd "$(dirname "$0")"
build=yes
for arg in "$@"; do
  # A backup runs beside the running suite, which a rebuild would disturb.
  case "$arg" in backup|restore|--help) build=no ;; esac
done
if [ "$build" = yes ] || [ ! -f deploy/target/local-suite.jar ]; then
  ./mvnw -B -q -ntp package -DskipTests
fi
exec java -jar deploy/target/local-suite.jar "$PWD" "$@"
