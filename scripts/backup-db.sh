#!/usr/bin/env bash
# Backs up Paperclip's database with paperclip-migrate: the embedded default of the instance
# ($PAPERCLIP_HOME/instances/$PAPERCLIP_INSTANCE_ID), or DATABASE_URL when it is set. Needs Java 17+, not
# pg_dump. Writes paperclip-YYYYMMDD-HHMMSS.sql.gz into <instance>/data/backups (or --dir DIR) and prints its
# path. Arguments are passed to `paperclip-migrate backup` (--dir DIR, --json, --verbose, and --physical: a
# paperclip-YYYYMMDD-HHMMSS.physical.tar.gz of the embedded cluster, consistent while the server runs).
#
# The jar: $PAPERCLIP_MIGRATE_JAR, else paperclip-migrate/target/paperclip-migrate.jar of this checkout, built by
#   mvn -B -q -pl paperclip-migrate -am package -DskipTests
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${PAPERCLIP_MIGRATE_JAR:-$root/paperclip-migrate/target/paperclip-migrate.jar}"
if [ ! -f "$jar" ]; then
  echo "backup-db.sh: $jar not found. Build it with: mvn -B -q -pl paperclip-migrate -am package -DskipTests" \
       "(from $root), or set PAPERCLIP_MIGRATE_JAR." >&2
  exit 1
fi
java="java"
if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
fi
exec "$java" -jar "$jar" backup "$@"
