#!/usr/bin/env bash
# Datastore benchmark: loads the largest of Bochum's CSV files (../shared/bochum-opendata or
# BOCHUM_OPENDATA_DIR) and a generated 10-column CSV (ROWS, default 200000) into the datastore,
# compares with PostgreSQL's COPY of the same file, and measures a filtered datastore_search.
# Results: benchmarks/results/opendata-datastore-run.md (summarised in opendata-datastore.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o verify -Dtest=DatastoreBenchmark -Dit.test=None -Drows="${ROWS:-200000}" \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Djacoco.skip=true -Dout="${OUT:-benchmarks/results/opendata-datastore-run.md}"
cat "${OUT:-benchmarks/results/opendata-datastore-run.md}"
