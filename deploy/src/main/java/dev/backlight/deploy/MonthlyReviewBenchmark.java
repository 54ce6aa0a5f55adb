package dev.backlight.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlight.testing.LocalPostgres;
import dev.backlight.testing.ServiceProcess;
import dev.backlight.testing.TokenIssuer;

/**
 * Prints how long metrics-service takes to answer a monthly review for a tenant with 1,000 employees and a year of
 * time entries (about 750,000), with time-service and metrics-service running as they do in production.
 *
 * <p>The tenant, its employees and the outputs go through the API. The year of entries is written straight into
 * time-service's table with one SQL statement: pushing 750,000 validated entries through the API would take most of
 * an hour and measures nothing this benchmark is about.
 */
public final class MonthlyReviewBenchmark {

    private static final String TENANT = "bench-1000";
    private static final int EMPLOYEES = 1_000;
    private static final YearMonth REVIEWED = YearMonth.of(2026, 10);
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 11, 1);
    private static final LocalDate END = LocalDate.of(2026, 11, 1);
    private static final String[] FUNCTIONS = {"SCHEDULING", "TIMESHEET_REVIEW", "PAYROLL", "QA_EVALUATION", "REPORTING",
            "ONBOARDING", "LEAVE_MANAGEMENT", "INVOICING", "COMPLIANCE"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final TokenIssuer issuer = new TokenIssuer();
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalPostgres postgres;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        MonthlyReviewBenchmark benchmark = new MonthlyReviewBenchmark();
        try {
            benchmark.run(root, runs);
        } finally {
            benchmark.stop();
        }
    }

    private void run(Path root, int runs) throws Exception {
        postgres = LocalPostgres.start(root.resolve("deploy/target/benchmark"));
        Map<String, String> config = new HashMap<>(postgres.quarkusDatasourceConfig());
        config.putAll(issuer.quarkusOidcConfig());
        ServiceProcess time = start(root, "time-service", config);
        Map<String, String> metricsConfig = new HashMap<>(config);
        metricsConfig.put("quarkus.rest-client.time-service.url", time.baseUri().toString());
        ServiceProcess metrics = start(root, "metrics-service", metricsConfig);
        time.awaitReady(Duration.ofMinutes(2));
        metrics.awaitReady(Duration.ofMinutes(2));

        long seeding = System.nanoTime();
        String admin = issuer.token(TENANT, "bench-admin", Duration.ofHours(2), "tenant-admin");
        String manager = issuer.token(TENANT, "bench-manager", Duration.ofHours(2), "manager");
        send(time, "POST", "/api/time/tenants", issuer.token(null, "bench-root", Duration.ofMinutes(5), "platform-admin"),
                Map.of("id", TENANT, "name", "Benchmark BPO", "timeZone", "America/New_York", "currency", "USD",
                        "agents", 800, "employees", 1_100));
        send(time, "PUT", "/api/time/tenant/headcount", admin, Map.of("effectiveFrom", FIRST_DAY.toString(), "agents", 800, "employees", 1_100));
        for (String client : List.of("CLIENT-A", "CLIENT-B", "CLIENT-C")) {
            send(time, "POST", "/api/time/clients", admin, Map.of("code", client, "name", client));
        }
        List<Long> employees = new ArrayList<>();
        for (int i = 0; i < EMPLOYEES; i++) {
            JsonNode created = send(time, "POST", "/api/time/employees", admin, Map.of("name", "Employee " + i,
                    "email", "e" + i + "@bench.example", "team", "Team " + (i % 20)));
            employees.add(created.get("id").asLong());
        }
        long entries = seedEntries();
        int outputs = recordOutputs(metrics, manager, employees);
        System.out.printf("Seeded %,d employees, %,d time entries and %,d output records in %.0f s%n", EMPLOYEES, entries, outputs,
                (System.nanoTime() - seeding) / 1e9);

        String path = "/api/metrics/reviews/monthly?month=" + REVIEWED;
        for (int i = 0; i < 3; i++) {
            send(metrics, "GET", path, manager, null);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            send(metrics, "GET", path, manager, null);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf("Monthly review %s over %,d entries, %d runs after 3 warm-ups: median %.0f ms, p95 %.0f ms, max %.0f ms%n",
                REVIEWED, entries, runs, millis.get(runs / 2), millis.get((int) Math.ceil(runs * 0.95) - 1), millis.get(runs - 1));
    }

    /**
     * Three timed entries per employee and weekday for a year, in New York time: two functions in the morning, one in
     * the afternoon, a third of them for a client.
     */
    private long seedEntries() throws Exception {
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
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                PreparedStatement insert = db.prepareStatement(sql)) {
            insert.setString(1, FIRST_DAY.toString());
            insert.setString(2, END.toString());
            insert.setString(3, TENANT);
            long rows = insert.executeUpdate();
            try (PreparedStatement analyze = db.prepareStatement("ANALYZE timekeeping.time_entry")) {
                analyze.execute();
            }
            return rows;
        }
    }

    /** Each employee's monthly output of every function, recorded through metrics-service in batches of 1,000. */
    private int recordOutputs(ServiceProcess metrics, String manager, List<Long> employees) throws Exception {
        List<Map<String, Object>> batch = new ArrayList<>();
        int recorded = 0;
        for (YearMonth month = YearMonth.from(FIRST_DAY); month.isBefore(YearMonth.from(END)); month = month.plusMonths(1)) {
            for (int i = 0; i < employees.size(); i++) {
                String function = FUNCTIONS[i % FUNCTIONS.length];
                Map<String, Object> output = new LinkedHashMap<>();
                output.put("functionCode", function);
                output.put("employeeId", employees.get(i));
                output.put("periodStart", month.atDay(1).toString());
                output.put("periodEnd", month.plusMonths(1).atDay(1).toString());
                output.put("units", 20 + (i + month.getMonthValue()) % 30);
                if (function.equals("PAYROLL")) {
                    output.put("employeesCovered", 1_100);
                }
                batch.add(output);
                if (batch.size() == 1_000) {
                    send(metrics, "POST", "/api/metrics/outputs/batch", manager, Map.of("outputs", batch));
                    recorded += batch.size();
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            send(metrics, "POST", "/api/metrics/outputs/batch", manager, Map.of("outputs", batch));
            recorded += batch.size();
        }
        return recorded;
    }

    private ServiceProcess start(Path root, String name, Map<String, String> config) {
        ServiceProcess service = ServiceProcess.startModule(root, name, ServiceProcess.freePort(), config,
                root.resolve(name).resolve("target/" + name + "-benchmark.log"));
        services.add(service);
        return service;
    }

    private JsonNode send(ServiceProcess service, String method, String path, String token, Object body) throws Exception {
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

    private void stop() {
        services.forEach(ServiceProcess::close);
        if (postgres != null) {
            postgres.close();
        }
    }
}
