package dev.backlight.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.backlight.testing.LocalPostgres;

/**
 * Least privilege on this machine as in the cluster: each service, and Keycloak, logs in as a role of its own that owns
 * its schema and nothing else, made by deploy/k8s/database/database-roles.sql in a new database, with a password made
 * for this run (a kept database gets new ones at every start, so none is stored).
 */
final class DatabaseRoles {

    /** The role each service logs in as. */
    static final Map<String, String> ROLES = Map.of(
            "time-service", "backlight_time",
            "metrics-service", "backlight_metrics",
            "client-costing-service", "backlight_costing",
            "gateway", "backlight_gateway",
            "keycloak", "backlight_keycloak");

    private final LocalPostgres postgres;
    private final Map<String, String> passwords = new LinkedHashMap<>();

    private DatabaseRoles(LocalPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The roles in an embedded database; an external database (BACKLIGHT_DB_URL) is used as its configured user gives
     * it, since creating roles there is its administrator's call.
     */
    static DatabaseRoles create(Path root, LocalPostgres postgres) {
        DatabaseRoles roles = new DatabaseRoles(postgres);
        if (postgres.isEmbedded()) {
            if (!postgres.query("SELECT count(*) FROM pg_roles WHERE rolname = 'backlight_time'").equals("1")) {
                try {
                    postgres.execute(Files.readString(root.resolve("deploy/k8s/database/database-roles.sql")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            SecureRandom random = new SecureRandom();
            for (String role : ROLES.values()) {
                byte[] secret = new byte[18];
                random.nextBytes(secret);
                String password = HexFormat.of().formatHex(secret);
                postgres.execute("ALTER ROLE " + role + " PASSWORD '" + password + "'");
                roles.passwords.put(role, password);
            }
        }
        return roles;
    }

    /** A connection as a service's own role, to see what it may and may not do. */
    Connection connectAs(String service) throws SQLException {
        String role = ROLES.get(service);
        return DriverManager.getConnection(postgres.jdbcUrl(), role, passwords.get(role));
    }

    /**
     * Keycloak's database settings as the environment it starts with (not its command line, which every local user
     * can read): its own role and schema, as in the cluster.
     */
    Map<String, String> keycloakEnvironment() {
        String role = ROLES.get("keycloak");
        boolean ownRole = passwords.containsKey(role);
        return Map.of("KC_DB", "postgres", "KC_DB_URL", postgres.jdbcUrl(), "KC_DB_SCHEMA", "keycloak",
                "KC_DB_USERNAME", ownRole ? role : postgres.username(),
                "KC_DB_PASSWORD", ownRole ? passwords.get(role) : postgres.password());
    }

    /** The datasource configuration of one service: its own role where there is one. */
    Map<String, String> datasourceFor(String service) {
        String role = ROLES.get(service);
        return passwords.containsKey(role) ? postgres.quarkusDatasourceConfig(role, passwords.get(role))
                : postgres.quarkusDatasourceConfig();
    }
}
