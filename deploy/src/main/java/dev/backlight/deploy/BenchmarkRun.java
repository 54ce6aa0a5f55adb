package dev.backlight.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlight.testing.LocalPostgres;
import dev.backlight.testing.ServiceProcess;
import dev.backlight.testing.TokenIssuer;

/**
 * What the benchmarks share: an embedded PostgreSQL, the services started as the Kubernetes manifests run them
 * (512 MiB, 60 % of it for the heap: ContainerMemory), signed tokens, and printing timings.
 */
final class BenchmarkRun implements AutoCloseable {

    final Path root;
    final TokenIssuer issuer = new TokenIssuer();
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final LocalPostgres postgres;
    private final List<ServiceProcess> services = new ArrayList<>();

    BenchmarkRun(Path root, String dataDirectory) {
        this.root = root;
        this.postgres = LocalPostgres.start(root.resolve("deploy/target/" + dataDirectory));
    }

    /** The database and token settings every service of the run gets. */
    Map<String, String> baseConfig() {
        Map<String, String> config = new HashMap<>(postgres.quarkusDatasourceConfig());
        config.putAll(issuer.quarkusOidcConfig());
        // Signed here, not by a realm: the gateway's Swagger UI sign-in still needs a realm to name.
        config.put("backlight.gateway.openapi.sign-in-realm-url", "http://localhost/realms/benchmark");
        return config;
    }

    ServiceProcess start(String name, Map<String, String> config) {
        ServiceProcess service = ServiceProcess.startModule(root, name, ServiceProcess.freePort(), config, ContainerMemory.JVM_OPTIONS,
                root.resolve(name).resolve("target/" + name + "-benchmark.log"));
        services.add(service);
        return service;
    }

    /** time-service and a gateway in front of it, its rate limit lifted as for a bulk load, both ready. */
    record TimeBehindGateway(ServiceProcess time, ServiceProcess gateway) {
    }

    TimeBehindGateway startTimeBehindGateway() {
        Map<String, String> config = baseConfig();
        ServiceProcess time = start("time-service", config);
        Map<String, String> gatewayConfig = new HashMap<>(config);
        gatewayConfig.put("quarkus.rest-client.time-service.url", time.baseUri().toString());
        gatewayConfig.put("backlight.gateway.rate-limit.enabled", "false");
        ServiceProcess gateway = start("gateway", gatewayConfig);
        awaitReady();
        return new TimeBehindGateway(time, gateway);
    }

    void awaitReady() {
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(2));
        }
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    /**
     * Three timed entries per employee and weekday of [from, to), in New York time: two functions in the morning, one
     * in the afternoon, a third of them for a client.
     */
    long seedEntries(String tenant, LocalDate from, LocalDate to) throws Exception {
        String sql = """
                INSERT INTO timekeeping.time_entry (tenant_id, employee_id, function_id, client_account_id, started_at, ended_at, zone,
                                             work_date, duration_seconds, source, created_at, updated_at)
                SELECT e.tenant_id, e.id, f.id, c.id, (d + s.starts) AT TIME ZONE 'America/New_York',
                       (d + s.ends) AT TIME ZONE 'America/New_York', 'America/New_York', d::date,
                       extract(epoch FROM s.ends - s.starts)::int, 'IMPORT', now(), now()
                FROM timekeeping.employee e
                CROSS JOIN generate_series(?::date, ?::date - 1, interval '1 day') d
                CROSS JOIN (VALUES (0, time '09:00', time '11:00'), (1, time '11:00', time '13:00'), (2, time '14:00', time '17:00')) s(slot, starts, ends)
                JOIN timekeeping.work_function f ON f.tenant_id = e.tenant_id
                     AND f.code = (ARRAY['SCHEDULING','TIMESHEET_REVIEW','PAYROLL','QA_EVALUATION','REPORTING','ONBOARDING',
                                         'LEAVE_MANAGEMENT','INVOICING','COMPLIANCE','OTHER'])[1 + (e.id + s.slot * 3 + extract(doy FROM d)::int) % 10]
                LEFT JOIN timekeeping.client_account c ON c.tenant_id = e.tenant_id AND s.slot = 2
                     AND c.code = (ARRAY['CLIENT-A','CLIENT-B','CLIENT-C'])[1 + e.id % 3]
                WHERE e.tenant_id = ? AND extract(isodow FROM d) < 6
                """;
        try (Connection db = database();
                PreparedStatement insert = db.prepareStatement(sql)) {
            insert.setString(1, from.toString());
            insert.setString(2, to.toString());
            insert.setString(3, tenant);
            long rows = insert.executeUpdate();
            try (PreparedStatement analyze = db.prepareStatement("ANALYZE timekeeping.time_entry")) {
                analyze.execute();
            }
            return rows;
        }
    }

    int status(ServiceProcess service, String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUri() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Sends a JSON body (a GET when it is null); anything but a 2xx fails the run. */
    JsonNode send(ServiceProcess service, String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUri() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : json.readTree(response.body());
    }

    static double median(List<Double> sortedMillis) {
        return sortedMillis.get(sortedMillis.size() / 2);
    }

    static void print(String what, List<Double> sortedMillis) {
        int runs = sortedMillis.size();
        System.out.printf("%s, %d runs: median %.1f ms, p95 %.1f ms, max %.1f ms%n", what, runs, median(sortedMillis),
                sortedMillis.get((int) Math.ceil(runs * 0.95) - 1), sortedMillis.get(runs - 1));
    }

    /** Each service's peak resident memory, beside the manifests' limit. */
    void printPeakMemory() {
        for (ServiceProcess service : services) {
            System.out.printf("Peak RSS of %s: %d MiB (the manifests' limit: 512 MiB)%n", service.name(), service.peakRssMib());
        }
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        postgres.close();
    }
}
