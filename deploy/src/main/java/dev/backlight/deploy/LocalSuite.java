package dev.backlight.deploy;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.backlight.testing.LocalPostgres;
import dev.backlight.testing.ServiceProcess;
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

    private final List<ServiceProcess> services = new ArrayList<>();
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

        Map<String, String> config = new HashMap<>(postgres.quarkusDatasourceConfig());
        config.putAll(issuer.quarkusOidcConfig());
        ServiceProcess time = start(root, "time-service", 8081, config);
        // metrics-service and client-costing-service read time-service with the caller's token.
        Map<String, String> upstreamConfig = new HashMap<>(config);
        upstreamConfig.put("quarkus.rest-client.time-service.url", time.baseUri().toString());
        ServiceProcess metrics = start(root, "metrics-service", 8082, upstreamConfig);
        ServiceProcess costing = start(root, "client-costing-service", 8083, upstreamConfig);
        Map<String, String> gatewayConfig = new HashMap<>(config);
        gatewayConfig.put("quarkus.rest-client.time-service.url", time.baseUri().toString());
        gatewayConfig.put("quarkus.rest-client.metrics-service.url", metrics.baseUri().toString());
        gatewayConfig.put("quarkus.rest-client.client-costing-service.url", costing.baseUri().toString());
        ServiceProcess gateway = start(root, "gateway", 8080, gatewayConfig);
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(2));
        }

        DemoData demo = new DemoData(http, Map.of("time", time.baseUri().toString(), "metrics", metrics.baseUri().toString(),
                "costing", costing.baseUri().toString(), "gateway", gateway.baseUri().toString()), issuer);
        System.out.println("Loading demo data ...");
        demo.load();

        System.out.println();
        System.out.println("Backlight is running (Ctrl-C stops everything).");
        System.out.println("  gateway (the one entry point)  " + gateway.baseUri() + "/api/...   Swagger UI " + gateway.baseUri()
                + "/q/swagger-ui   OpenAPI " + gateway.baseUri() + "/openapi");
        for (ServiceProcess service : services.subList(0, 3)) {
            System.out.printf("  %-23s API %s/api/%s   Swagger UI %s/q/swagger-ui%n", service.name(), service.baseUri(),
                    service.name().replace("-service", "").replace("client-", ""), service.baseUri());
        }
        System.out.println();
        System.out.println("Demo bearer tokens (valid " + TOKEN_LIFETIME.toHours() + " h), e.g. curl -H \"Authorization: Bearer $TOKEN\":");
        demo.printLogins(TOKEN_LIFETIME);
    }

    private ServiceProcess start(Path root, String name, int port, Map<String, String> config) {
        Path module = root.resolve(name);
        Path log = module.resolve("target/" + name + ".log");
        System.out.println("Starting " + name + " on port " + port + " (log: " + log + ")");
        ServiceProcess service = ServiceProcess.start(name, module.resolve("target/quarkus-app/quarkus-run.jar"), port, config, log);
        services.add(service);
        return service;
    }

    private void stop() {
        services.forEach(ServiceProcess::close);
        if (postgres != null) {
            postgres.close();
        }
        System.out.println("Stopped.");
    }
}
