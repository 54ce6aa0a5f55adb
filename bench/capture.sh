#!/usr/bin/env bash
# Shift start: 64 callers at once record entries, switch timers, and stop and start timers in turn through the
# gateway; prints their rate and latencies beside an authenticated trivial GET through the same gateway in the same
# run, and each service's peak memory. Embedded PostgreSQL, no Docker; the services get the Kubernetes manifests'
# memory. Argument: seconds per load (default 30, as in the README's figures).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp package -DskipTests
exec java -cp deploy/target/local-suite.jar dev.backlight.deploy.CaptureBenchmark "$PWD" "${1:-30}"
