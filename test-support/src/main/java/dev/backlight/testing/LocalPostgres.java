package dev.backlight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL with no manual setup: the server named by {@code BACKLIGHT_DB_URL} when that is set
 * ({@code postgresql://host:port/database}, with {@code BACKLIGHT_DB_USER} and {@code BACKLIGHT_DB_PASSWORD}),
 * otherwise an embedded one started from the binaries on the class path: either a throwaway server whose data is
 * removed again on {@link #close()} (tests, benchmarks), or a durable one that keeps its data directory from run to run
 * with every commit flushed to disk (the local run).
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
    private final boolean keepsData;
    private boolean createdNow;

    private LocalPostgres(String host, int port, String database, String username, String password,
            EmbeddedPostgres embedded, Path dataDirectory, Map<String, String> serverConfig, boolean keepsData) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.serverConfig = serverConfig;
        this.keepsData = keepsData;
    }

    /** The external server if configured, else a new embedded server whose data lives under {@code dataRoot}. */
    public static LocalPostgres start(Path dataRoot) {
        return external().orElseGet(() -> startEmbedded(dataRoot, Map.of()));
    }

    private static Optional<LocalPostgres> external() {
        String external = System.getenv(URL_VARIABLE);
        if (external == null || external.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(external.trim());
        LocalPostgres server = new LocalPostgres(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                uri.getPath().replaceFirst("^/", ""), envOr("BACKLIGHT_DB_USER", "postgres"),
                envOr("BACKLIGHT_DB_PASSWORD", "postgres"), null, null, Map.of(), true);
        // Whether it is new is for its own administrator to know; what is loaded into it on a start must be idempotent.
        server.createdNow = true;
        return Optional.of(server);
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
                serverConfig, false);
    }

    /**
     * The external server if configured, else an embedded server on {@code dataDirectory}, made there if it is new and found again as it was left otherwise,
     * which {@link #close()} stops and keeps. Every acknowledged commit is on disk: the library's default of
     * asynchronous commits is turned back to PostgreSQL's own (fsync, synchronous commit, full page writes).
     */
    public static LocalPostgres startDurable(Path dataDirectory) {
        Optional<LocalPostgres> external = external();
        if (external.isPresent()) {
            return external.get();
        }
        Path directory = dataDirectory.toAbsolutePath();
        boolean isNew = !Files.exists(directory.resolve("postgresql.conf"));
        try {
            Files.createDirectories(directory.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
        Map<String, String> durable = Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");
        EmbeddedPostgres postgres = startEmbedded(directory, 0, durable);
        LocalPostgres local = new LocalPostgres("localhost", postgres.getPort(), "postgres", "postgres", "postgres", postgres,
                directory, durable, true);
        local.createdNow = isNew;
        return local;
    }

    /** True when this start made the data directory, so it holds nothing yet. */
    public boolean createdNow() {
        return createdNow;
    }

    /**
     * Kills the server's main process as a crash or a power cut at the process level would (SIGKILL, no shutdown), for
     * tests of what survives; {@link #restart} brings it back through crash recovery.
     */
    public void killServer() {
        try {
            // Its backends and WAL writer go at the same instant, so none of them finishes anything after the "crash".
            List<ProcessHandle> all = serverProcesses();
            all.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : all) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not kill PostgreSQL", e);
        }
    }

    /** The processor time the server's processes (the postmaster and everything it started) have used so far. */
    public Duration cpuTime() {
        try {
            return serverProcesses().stream().map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The postmaster, then its backends and helpers. */
    private List<ProcessHandle> serverProcesses() throws IOException {
        if (embedded == null) {
            throw new IllegalStateException("Only an embedded database's processes are known here");
        }
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        return all;
    }

    /** A server on the data of {@code dataDirectory} (made when new), on a free port if 0. */
    private static EmbeddedPostgres startEmbedded(Path dataDirectory, int port, Map<String, String> serverConfig) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    // A restart, and a durable server's next run, must find the data again.
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
        } catch (IOException | RuntimeException alreadyDown) {
            // a killed server has nothing left to stop
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

    /** The first column of the first row of a query, as text (null for SQL NULL). */
    public String query(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username, password);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The directory an embedded server keeps its data in. */
    public Path dataDirectory() {
        return dataDirectory;
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
            if (!keepsData) {
                deleteRecursively(dataDirectory);
            }
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
