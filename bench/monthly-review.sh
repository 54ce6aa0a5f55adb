#!/usr/bin/env bash
# Seeds a tenant with 1,000 employees and a year of time entries, then prints how long metrics-service takes to
# answer its monthly review (median, p95, max over N runs; default 20). Embedded PostgreSQL, no Docker.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp package -DskipTests
exec java -cp deploy/target/local-suite.jar dev.backlight.deploy.MonthlyReviewBenchmark "$PWD" "${1:-20}"
