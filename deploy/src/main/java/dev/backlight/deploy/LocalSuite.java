package dev.backlight.deploy;

import java.net.URI;
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

/**
 * Runs Backlight on this machine with no Docker: Keycloak (the real server distribution, with the Backlight realm), an
 * embedded PostgreSQL (or BACKLIGHT_DB_URL's), the three services and the gateway as child processes, and demo data
 * loaded through the services' APIs with the demo users' Keycloak tokens. Ctrl-C stops everything and removes the
 * databases. The end-to-end test starts the same suite.
 */
public final class LocalSuite implements AutoCloseable {

    private final List<ServiceProcess> services = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private LocalKeycloak keycloak;
    private LocalPostgres postgres;
    private DatabaseRoles databaseRoles;
    private ServiceProcess gateway;
    private Map<String, String> gatewayConfig;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        LocalSuite suite = new LocalSuite();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            suite.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "backlight-local-stop"));
        try {
            suite.start(root);
            suite.printWelcome();
        } catch (Exception e) {
            System.err.println("Start-up failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /** Starts everything, waits until all of it is ready, and loads the demo data. */
    void start(Path root) throws Exception {
        System.out.println("Starting Keycloak on port " + LocalKeycloak.PORT + " (log: deploy/target/keycloak.log) ...");
        keycloak = LocalKeycloak.start(root, root.resolve("deploy/target/keycloak.log"));
        System.out.println("Starting PostgreSQL ...");
        postgres = LocalPostgres.start(root.resolve("deploy/target/local-suite"));
        // The services find their tokens' keys through Keycloak's discovery document, so it has to answer first.
        keycloak.awaitReady(Duration.ofMinutes(3));

        databaseRoles = DatabaseRoles.create(root, postgres);

        Map<String, String> config = Map.of("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        ServiceProcess time = start(root, "time-service", 8081, withDatabase("time-service", config));
        // metrics-service and client-costing-service read time-service with the caller's token.
        Map<String, String> upstreamConfig = new HashMap<>(config);
        upstreamConfig.put("quarkus.rest-client.time-service.url", time.baseUri().toString());
        ServiceProcess metrics = start(root, "metrics-service", 8082, withDatabase("metrics-service", upstreamConfig));
        ServiceProcess costing = start(root, "client-costing-service", 8083, withDatabase("client-costing-service", upstreamConfig));
        gatewayConfig = new HashMap<>(upstreamConfig);
        gatewayConfig.put("quarkus.rest-client.metrics-service.url", metrics.baseUri().toString());
        gatewayConfig.put("quarkus.rest-client.client-costing-service.url", costing.baseUri().toString());
        gateway = start(root, "gateway", 8080, withDatabase("gateway", gatewayConfig));
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(2));
        }

        System.out.println("Loading demo data ...");
        demoData(Map.of("time", time.baseUri().toString(), "metrics", metrics.baseUri().toString(),
                "costing", costing.baseUri().toString(), "gateway", gateway.baseUri().toString())).load();
    }

    /** A service's configuration with its own database role. */
    private Map<String, String> withDatabase(String service, Map<String, String> config) {
        Map<String, String> withDatabase = new HashMap<>(config);
        withDatabase.putAll(databaseRoles.datasourceFor(service));
        return withDatabase;
    }

    /** Another gateway configured as the first, as a second replica in a cluster would be; closed with the suite. */
    URI startGatewayReplica(Path root) {
        Path log = root.resolve("gateway/target/gateway-replica.log");
        ServiceProcess replica = ServiceProcess.startModule(root, "gateway", ServiceProcess.freePort(),
                withDatabase("gateway", gatewayConfig), ContainerMemory.JVM_OPTIONS, log);
        services.add(replica);
        replica.awaitReady(Duration.ofMinutes(2));
        return replica.baseUri();
    }

    DatabaseRoles databaseRoles() {
        return databaseRoles;
    }

    URI gatewayUri() {
        return gateway.baseUri();
    }

    KeycloakLogins logins() {
        return new KeycloakLogins(http, keycloak.realmUrl());
    }

    private DemoData demoData(Map<String, String> urls) {
        return new DemoData(http, urls, logins());
    }

    private void printWelcome() {
        System.out.println();
        System.out.println("Backlight is running (Ctrl-C stops everything).");
        System.out.println("  gateway (the one entry point)  " + gateway.baseUri() + "/api/...   Swagger UI " + gateway.baseUri()
                + "/q/swagger-ui   OpenAPI " + gateway.baseUri() + "/openapi");
        for (ServiceProcess service : services.subList(0, 3)) {
            System.out.printf("  %-23s API %s/api/%s   Swagger UI %s/q/swagger-ui%n", service.name(), service.baseUri(),
                    service.name().replace("-service", "").replace("client-", ""), service.baseUri());
        }
        System.out.println();
        demoData(Map.of("gateway", gateway.baseUri().toString())).printLogins(keycloak.realmUrl());
    }

    private ServiceProcess start(Path root, String name, int port, Map<String, String> config) {
        Path log = root.resolve(name).resolve("target/" + name + ".log");
        System.out.println("Starting " + name + " on port " + port + " (log: " + log + ")");
        ServiceProcess service = ServiceProcess.startModule(root, name, port, config, ContainerMemory.JVM_OPTIONS, log);
        services.add(service);
        return service;
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        if (postgres != null) {
            postgres.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
