package dev.backlight.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.backlight.testing.LocalPostgres;
import dev.backlight.testing.ServiceProcess;

/**
 * Runs Backlight on this machine with no Docker: an embedded PostgreSQL (or BACKLIGHT_DB_URL's), Keycloak (the real
 * server distribution, keeping its realm in that database), the three services and the gateway as child processes.
 * Everything is kept in one data directory, so a second start finds what the first one left: demo data (loaded through
 * the services' APIs with the demo users' Keycloak tokens) goes into a new data directory only, or when asked for.
 * Ctrl-C stops everything and keeps the data. The end-to-end test starts the same suite.
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
        LocalCommand command;
        try {
            command = LocalCommand.parse(List.of(args).subList(Math.min(1, args.length), args.length));
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.err.println(LocalCommand.USAGE);
            System.exit(2);
            return;
        }
        try {
            switch (command.action()) {
                case BACKUP -> LocalBackup.backup(DataDirectory.of(command.dataDirectory()).postgres(), command.file());
                case RESTORE -> LocalBackup.restore(command.file(), DataDirectory.of(command.dataDirectory()).postgres());
                case RUN -> run(root, command);
                case HELP -> System.out.println(LocalCommand.USAGE);
            }
        } catch (IOException | SQLException failed) {
            System.err.println(command.action().name().toLowerCase() + " failed: " + failed.getMessage());
            System.exit(1);
        }
    }

    private static void run(Path root, LocalCommand command) throws Exception {
        if (command.reset()) {
            System.out.println("Removing " + command.dataDirectory() + " (--reset) ...");
            DataDirectory.of(command.dataDirectory()).delete();
        }
        LocalSuite suite = new LocalSuite();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            suite.close();
            System.out.println("Stopped; the data is kept in " + command.dataDirectory() + ".");
            stopped.countDown();
        }, "backlight-local-stop"));
        try {
            suite.start(root, DataDirectory.of(command.dataDirectory()), command.demo());
            suite.printWelcome(DataDirectory.of(command.dataDirectory()));
        } catch (Exception e) {
            System.err.println("Start-up failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /**
     * Starts everything on the data in {@code data} and waits until all of it is ready; loads the demo data when the
     * database is new or {@code demo} asks for it (tenants that exist already are left as they are).
     */
    void start(Path root, DataDirectory data, boolean demo) throws Exception {
        System.out.println("Starting PostgreSQL on " + data.postgres() + " ...");
        postgres = LocalPostgres.startDurable(data.postgres());
        databaseRoles = DatabaseRoles.create(root, postgres);
        System.out.println("Starting Keycloak on port " + LocalKeycloak.PORT + " (log: deploy/target/keycloak.log) ...");
        keycloak = LocalKeycloak.start(root, root.resolve("deploy/target/keycloak.log"), databaseRoles.keycloakEnvironment(),
                data.keycloakAdminPassword());
        // The services find their tokens' keys through Keycloak's discovery document, so it has to answer first.
        keycloak.awaitReady(Duration.ofMinutes(3));

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

        if (postgres.createdNow() || demo) {
            System.out.println("Loading demo data ...");
            demoData(Map.of("time", time.baseUri().toString(), "metrics", metrics.baseUri().toString(),
                    "costing", costing.baseUri().toString(), "gateway", gateway.baseUri().toString())).load();
        }
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

    private void printWelcome(DataDirectory data) {
        System.out.println();
        System.out.println("Backlight is running (Ctrl-C stops everything; the data stays in " + data.root() + ").");
        System.out.println("  web console                    " + gateway.baseUri() + "/   (sign in with a demo login below)");
        System.out.println("  gateway (the one entry point)  " + gateway.baseUri() + "/api/...   Swagger UI " + gateway.baseUri()
                + "/q/swagger-ui   OpenAPI " + gateway.baseUri() + "/openapi");
        for (ServiceProcess service : services.subList(0, 3)) {
            System.out.printf("  %-23s API %s/api/%s   Swagger UI %s/q/swagger-ui%n", service.name(), service.baseUri(),
                    service.name().replace("-service", "").replace("client-", ""), service.baseUri());
        }
        System.out.println();
        demoData(Map.of("gateway", gateway.baseUri().toString())).printLogins(keycloak.realmUrl());
        System.out.println("  Keycloak's own console: " + keycloak.baseUrl() + "/admin  user admin, password in "
                + data.keycloakAdminPasswordFile());
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
        services.clear();
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
