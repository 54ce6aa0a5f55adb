#!/usr/bin/env bash
# Every benchmark, one after another, each printing its figures beside their references from the same run.
set -euo pipefail
cd "$(dirname "$0")"
./import-export.sh
./capture.sh
./monthly-review.sh
