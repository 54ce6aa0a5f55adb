package dev.backlight.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak server distribution (from Maven Central, copied next to the launcher by the build) running in
 * development mode with the Backlight realm imported into the suite's PostgreSQL (schema keycloak), so users made at
 * run time are kept with the rest of the data. Its own data directory only holds temporary files.
 */
final class LocalKeycloak implements AutoCloseable {

    static final int PORT = 8180;

    private final Process process;
    private final Path home;

    private LocalKeycloak(Process process, Path home) {
        this.process = process;
        this.home = home;
    }

    String baseUrl() {
        return "http://localhost:" + PORT;
    }

    String realmUrl() {
        return baseUrl() + "/realms/backlight";
    }

    /**
     * Unpacks the distribution on first use and starts the server on the database {@code databaseEnvironment} names
     * (KC_DB_* variables). deploy/keycloak/dev/backlight-realm.json is imported into a new database only; a realm found
     * there is kept as it is. The console's administrator ({@code admin}) is made with {@code adminPassword} when the
     * database is new.
     */
    static LocalKeycloak start(Path root, Path log, Map<String, String> databaseEnvironment, String adminPassword)
            throws IOException {
        Path work = root.resolve("deploy/target/keycloak");
        Path home = work.resolve("keycloak");
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            Path zip;
            try (Stream<Path> files = Files.list(root.resolve("deploy/target/keycloak-dist"))) {
                zip = files.filter(f -> f.toString().endsWith(".zip")).findFirst()
                        .orElseThrow(() -> new IOException("no Keycloak distribution in deploy/target/keycloak-dist: run ./mvnw package"));
            }
            LocalFiles.unzip(zip, work);
            try (Stream<Path> dirs = Files.list(work)) {
                Path unpacked = dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")).findFirst().orElseThrow();
                Files.move(unpacked, home);
            }
        }
        // Only temporary files and the last run's realm file are kept there.
        LocalFiles.deleteTree(home.resolve("data"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(root.resolve("deploy/keycloak/dev/backlight-realm.json"), imports.resolve("backlight-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + PORT, "--health-enabled=true")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(databaseEnvironment);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return new LocalKeycloak(builder.start(), home);
    }

    /** Waits until the realm answers its discovery document. */
    void awaitReady(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start-up; see deploy/target/keycloak.log");
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak did not start within " + limit);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
