#!/bin/sh
# First start of the development cluster's PostgreSQL: the roles and schemas of database-roles.sql, each role with the
# password of its Secret (passed to this container as environment variables).
set -eu
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f /docker-entrypoint-initdb.d/database-roles.sql.in
set_password() {
  echo "ALTER ROLE $1 PASSWORD :'password';" | psql -v ON_ERROR_STOP=1 -v password="$2" -U "$POSTGRES_USER" -d "$POSTGRES_DB"
}
set_password backlight_time "$TIME_DB_PASSWORD"
set_password backlight_metrics "$METRICS_DB_PASSWORD"
set_password backlight_costing "$COSTING_DB_PASSWORD"
set_password backlight_gateway "$GATEWAY_DB_PASSWORD"
set_password backlight_keycloak "$KEYCLOAK_DB_PASSWORD"
