package dev.backlight.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.backlight.testing.LocalPostgres;
import dev.backlight.testing.TokenIssuer;

/**
 * Runs Backlight on this machine with no Docker: an embedded PostgreSQL (or BACKLIGHT_DB_URL's), the services as
 * child processes, demo data loaded through the public API; Ctrl-C stops everything and removes the database.
 *
 * <p>Until the Keycloak-based suite exists, the services trust a key pair made for this run, and the launcher prints
 * a bearer token for each demo role.
 */
public final class LocalSuite {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private LocalPostgres postgres;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        LocalSuite suite = new LocalSuite();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            suite.stop();
            stopped.countDown();
        }, "backlight-local-stop"));
        try {
            suite.run(root);
        } catch (Exception e) {
            System.err.println("Start-up failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void run(Path root) throws Exception {
        System.out.println("Starting PostgreSQL ...");
        postgres = LocalPostgres.start(root.resolve("deploy/target/local-suite"));
        TokenIssuer issuer = new TokenIssuer();

        Service time = new Service("time-service", 8081, root.resolve("time-service/target/quarkus-app/quarkus-run.jar"));
        start(time, issuer);
        waitUntilReady(time, Duration.ofMinutes(2));

        DemoData demo = new DemoData(http, "http://localhost:" + time.port(), issuer);
        System.out.println("Loading demo data ...");
        demo.load();

        System.out.println();
        System.out.println("Backlight is running (Ctrl-C stops everything).");
        System.out.println("  time-service API:  http://localhost:" + time.port() + "/api/time");
        System.out.println("  Swagger UI:        http://localhost:" + time.port() + "/q/swagger-ui");
        System.out.println("  OpenAPI document:  http://localhost:" + time.port() + "/q/openapi");
        System.out.println();
        System.out.println("Demo bearer tokens (valid " + TOKEN_LIFETIME.toHours() + " h), e.g. curl -H \"Authorization: Bearer $TOKEN\":");
        demo.printLogins(TOKEN_LIFETIME);
    }

    private record Service(String name, int port, Path jar) {
    }

    private void start(Service service, TokenIssuer issuer) throws IOException {
        if (!Files.exists(service.jar())) {
            throw new IllegalStateException(service.jar() + " is missing; build first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + service.port(),
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(),
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(),
                "-Dquarkus.datasource.username=" + postgres.username(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dquarkus.oidc.auth-server-url=",
                "-Dquarkus.oidc.discovery-enabled=false",
                "-Dquarkus.oidc.public-key=" + issuer.publicKey(),
                "-Dquarkus.oidc.token.issuer=" + TokenIssuer.ISSUER,
                "-jar", service.jar().toString()));
        Path log = service.jar().getParent().getParent().resolve(service.name() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        System.out.println("Starting " + service.name() + " on port " + service.port() + " (log: " + log + ")");
    }

    private void waitUntilReady(Service service, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        URI health = URI.create("http://localhost:" + service.port() + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException(service.name() + " exited during start-up; see its log");
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service.name() + " was not ready within " + limit.toSeconds() + " s");
    }

    private void stop() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        System.out.println("Stopped.");
    }
}
