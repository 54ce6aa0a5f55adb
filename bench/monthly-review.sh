#!/usr/bin/env bash
# Seeds two tenants with 1,000 employees and a year of time entries each, then prints how long a monthly review takes
# (straight from metrics-service and through the gateway, beside a trivial GET through the same gateway and the bare
# SQL sums it rests on), again while the second tenant hammers the most expensive report, and again once the first
# tenant's history has grown to 10 million entries in the table (about 10 more minutes of seeding; pass "1m" as the
# second argument to stop before). N runs each (first argument, default 20). Embedded PostgreSQL, no Docker; the
# services and the gateway get the Kubernetes manifests' memory.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp package -DskipTests
exec java -cp deploy/target/local-suite.jar dev.backlight.deploy.MonthlyReviewBenchmark "$PWD" "${1:-20}" "${2:-10m}"
