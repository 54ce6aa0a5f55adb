-- Least privilege: one login role per service, owning its own schema and nothing else, and one for Keycloak.
-- Run once as the database's owner, then give each role its password (kept in that service's Secret), e.g.:
--   psql "$ADMIN_URL" -f database-roles.sql
--   psql "$ADMIN_URL" -c "ALTER ROLE backlight_time PASSWORD '...'"   (and likewise for the four others)
-- The local run and the dev overlay apply this same file.

-- time-service creates an exclusion constraint on btree_gist; extensions are the owner's to install.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A new role may connect and use its own schema only: nothing in public, nothing of the other services.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE ROLE backlight_time LOGIN;
CREATE SCHEMA IF NOT EXISTS timekeeping AUTHORIZATION backlight_time;

CREATE ROLE backlight_metrics LOGIN;
CREATE SCHEMA IF NOT EXISTS metrics AUTHORIZATION backlight_metrics;

CREATE ROLE backlight_costing LOGIN;
CREATE SCHEMA IF NOT EXISTS costing AUTHORIZATION backlight_costing;

-- The gateway keeps its shared rate-limit buckets here.
CREATE ROLE backlight_gateway LOGIN;
CREATE SCHEMA IF NOT EXISTS gateway AUTHORIZATION backlight_gateway;

CREATE ROLE backlight_keycloak LOGIN;
CREATE SCHEMA IF NOT EXISTS keycloak AUTHORIZATION backlight_keycloak;
