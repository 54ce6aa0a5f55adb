#!/usr/bin/env bash
# Imports a year of history (100,000 entries of 50 employees by default) through the gateway as a streamed CSV and
# prints its rate beside PostgreSQL's COPY of the same rows into time_entry and into a bare table, measured in the
# same run; then a file of a million rows, the export of those rows beside COPY TO of them, and each service's peak
# memory. Embedded PostgreSQL, no Docker; the services get the Kubernetes manifests' memory. Arguments: rows (default
# 100000), rows of the large file (1000000).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp package -DskipTests
exec java -cp deploy/target/local-suite.jar dev.backlight.deploy.ImportExportBenchmark "$PWD" "${1:-100000}" "${2:-1000000}"
