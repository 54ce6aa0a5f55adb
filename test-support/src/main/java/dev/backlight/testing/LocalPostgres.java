package dev.backlight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL with no manual setup: the server named by {@code BACKLIGHT_DB_URL} when that is set
 * ({@code postgresql://host:port/database}, with {@code BACKLIGHT_DB_USER} and {@code BACKLIGHT_DB_PASSWORD}),
 * otherwise an embedded one started from the binaries on the class path, its data under the given directory and
 * removed again on {@link #close()}.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String URL_VARIABLE = "BACKLIGHT_DB_URL";

    private final String host;
    private final int port;
    private final String database;
    private final String username;
    private final String password;
    private EmbeddedPostgres embedded;
    private final Path dataDirectory;
    private final Map<String, String> serverConfig;

    private LocalPostgres(String host, int port, String database, String username, String password,
            EmbeddedPostgres embedded, Path dataDirectory, Map<String, String> serverConfig) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.serverConfig = serverConfig;
    }

    /** The external server if configured, else a new embedded server whose data lives under {@code dataRoot}. */
    public static LocalPostgres start(Path dataRoot) {
        String external = System.getenv(URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            URI uri = URI.create(external.trim());
            return new LocalPostgres(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                    uri.getPath().replaceFirst("^/", ""), envOr("BACKLIGHT_DB_USER", "postgres"),
                    envOr("BACKLIGHT_DB_PASSWORD", "postgres"), null, null, Map.of());
        }
        return startEmbedded(dataRoot, Map.of());
    }

    /**
     * Always an embedded server, with these settings of its own on top (postgresql.conf names), such as TLS: for
     * tests of how the services connect, which an external server could not be set up for.
     */
    public static LocalPostgres startEmbedded(Path dataRoot, Map<String, String> serverConfig) {
        Path dataDirectory = dataRoot.resolve("pg-" + UUID.randomUUID()).toAbsolutePath();
        try {
            Files.createDirectories(dataDirectory.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
        EmbeddedPostgres postgres = startEmbedded(dataDirectory, 0, serverConfig);
        return new LocalPostgres("localhost", postgres.getPort(), "postgres", "postgres", "postgres", postgres, dataDirectory,
                serverConfig);
    }

    /** A server on the data of {@code dataDirectory} (made when new; a fresh directory each run), on a free port if 0. */
    private static EmbeddedPostgres startEmbedded(Path dataDirectory, int port, Map<String, String> serverConfig) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    // The directory is new for every run, and close() removes it; a restart must find its data again.
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200");
            serverConfig.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    /**
     * Stops the embedded server, runs {@code whileDown}, and starts it again on the same port with the same data:
     * a database restart as its clients see it.
     */
    public void restart(Runnable whileDown) {
        if (embedded == null) {
            throw new IllegalStateException("Only an embedded database can be restarted here");
        }
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            whileDown.run();
        } finally {
            embedded = startEmbedded(dataDirectory, port, serverConfig);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Quarkus configuration that points a service's default datasource (reactive and Flyway's JDBC) here. */
    public Map<String, String> quarkusDatasourceConfig() {
        return quarkusDatasourceConfig(username, password);
    }

    /** The same, for a service that logs in as a role of its own. */
    public Map<String, String> quarkusDatasourceConfig(String role, String rolePassword) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", role);
        config.put("quarkus.datasource.password", rolePassword);
        return config;
    }

    /** True for the database this class started itself, whose owner may create roles and schemas. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Runs SQL (one or more statements) as the database's owner, or as the configured user of an external one. */
    public void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
