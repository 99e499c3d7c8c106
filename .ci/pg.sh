# PostgreSQL for the tests. Source it from .ci/run after the project is installed:
#     . .ci/pg.sh
# Installs Debian's PostgreSQL server if it is missing, starts a throwaway cluster on
# 127.0.0.1 (scripts/pg_test_cluster, fsync off: test data only), exports
# HROMADA_TEST_PG_URL and HROMADA_PG_CLUSTER, and stops + deletes the cluster when the
# shell exits. Then `python3 -m pytest` also runs the tests marked `postgres`, and
# `python3 -m pytest --backend=postgres ...` runs the database tests on the server.
if ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
eval "$(scripts/pg_test_cluster start --fast --export)"
trap 'scripts/pg_test_cluster stop "$HROMADA_PG_CLUSTER"' EXIT
