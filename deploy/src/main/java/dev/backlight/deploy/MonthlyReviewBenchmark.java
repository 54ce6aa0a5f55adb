package dev.backlight.deploy;

import static dev.backlight.deploy.BenchmarkRun.median;
import static dev.backlight.deploy.BenchmarkRun.print;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backlight.testing.ServiceProcess;
import dev.backlight.testing.TokenIssuer;

/**
 * Prints how long a monthly review takes for a tenant with 1,000 employees and a year of time entries (about
 * 780,000), straight from metrics-service and through the gateway, beside a trivial request through the same gateway;
 * then again while a second tenant of the same size hammers the most expensive report (hours by day, employee and
 * function over a year) from several threads: one tenant must not slow another down; then once more after the first
 * tenant's history has grown by a decade, to 10 million entries in the table. Beside each review, the database alone
 * summing the same months from the daily rollups. The services and the gateway run with the Kubernetes manifests'
 * memory (512 MiB, heap 60 % of it) and the gateway's default rate limits.
 *
 * <p>The tenants, their employees and the outputs go through the API. The years of entries are written straight into
 * time-service's table with one SQL statement each: pushing them through the API would take most of an hour and
 * measures nothing this benchmark is about.
 */
public final class MonthlyReviewBenchmark {

    private static final String TENANT = "bench-1000";
    private static final String NOISY_TENANT = "bench-noisy";
    private static final int NOISY_THREADS = 8;
    private static final int EMPLOYEES = 1_000;
    private static final YearMonth REVIEWED = YearMonth.of(2026, 10);
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 11, 1);
    private static final LocalDate END = LocalDate.of(2026, 11, 1);
    private static final String[] FUNCTIONS = {"SCHEDULING", "TIMESHEET_REVIEW", "PAYROLL", "QA_EVALUATION", "REPORTING",
            "ONBOARDING", "LEAVE_MANAGEMENT", "INVOICING", "COMPLIANCE"};

    private final BenchmarkRun bench;
    private final TokenIssuer issuer;
    private long entries;
    private int outputs;

    /** Arguments: the project root, the runs per figure (20), and "1m" to stop before growing the entries to 10 M. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean tenMillion = args.length <= 2 || !args[2].equalsIgnoreCase("1m");
        try (BenchmarkRun bench = new BenchmarkRun(root, "benchmark")) {
            new MonthlyReviewBenchmark(bench).run(runs, tenMillion);
        }
    }

    private MonthlyReviewBenchmark(BenchmarkRun bench) {
        this.bench = bench;
        this.issuer = bench.issuer;
    }

    private void run(int runs, boolean tenMillion) throws Exception {
        Map<String, String> config = bench.baseConfig();
        ServiceProcess time = bench.start("time-service", config);
        Map<String, String> metricsConfig = new HashMap<>(config);
        metricsConfig.put("quarkus.rest-client.time-service.url", time.baseUri().toString());
        ServiceProcess metrics = bench.start("metrics-service", metricsConfig);
        Map<String, String> gatewayConfig = new HashMap<>(metricsConfig);
        gatewayConfig.put("quarkus.rest-client.metrics-service.url", metrics.baseUri().toString());
        ServiceProcess gateway = bench.start("gateway", gatewayConfig);
        bench.awaitReady();

        long seeding = System.nanoTime();
        seedTenant(time, metrics, TENANT);
        seedTenant(time, metrics, NOISY_TENANT);
        System.out.printf("Seeded two tenants of %,d employees, %,d time entries and %,d output records each in %.0f s "
                + "(%,d entries in all)%n", EMPLOYEES, entries, outputs, (System.nanoTime() - seeding) / 1e9, entriesInAll());

        // Several managers, one review every 600 ms between them: within the gateway's default limits, which stay on.
        List<String> managers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            managers.add(issuer.token(TENANT, "bench-manager-" + i, Duration.ofHours(2), "manager"));
        }
        String review = "/api/metrics/reviews/monthly?month=" + REVIEWED;
        warmUp(metrics, gateway, review, managers.get(0));
        time(gateway, review, managers, 3);
        print("Trivial GET /api/time/tenant straight from time-service", time(time, "/api/time/tenant", managers, runs));
        print("Trivial GET /api/time/tenant through the gateway", time(gateway, "/api/time/tenant", managers, runs));
        print("Monthly review straight from metrics-service", time(metrics, review, managers, runs));
        List<Double> solo = time(gateway, review, managers, runs);
        print("Monthly review through the gateway, alone", solo);
        print("Bare SQL: the reviewed month and the one before, hours and person-days by function, from the monthly rollup the review reads",
                bareMonthlySums(MONTHLY_SUMS, runs));
        print("Bare SQL: their hours by function from the daily rollups", bareMonthlySums(DAILY_SUMS, runs));

        String heaviest = "/api/time/reports/hours?from=" + END.minusDays(366) + "&to=" + END + "&bucket=day&groupBy=employee,function";
        Map<Integer, Integer> noisyAnswers = new ConcurrentHashMap<>();
        AtomicBoolean noisy = new AtomicBoolean(true);
        ExecutorService hammer = Executors.newFixedThreadPool(NOISY_THREADS);
        for (int t = 0; t < NOISY_THREADS; t++) {
            String script = issuer.token(NOISY_TENANT, "noisy-script-" + t, Duration.ofHours(2), "analyst");
            hammer.submit(() -> {
                while (noisy.get()) {
                    noisyAnswers.merge(bench.status(gateway, heaviest, script), 1, Integer::sum);
                }
                return null;
            });
        }
        List<Double> crowded;
        try {
            Thread.sleep(2_000);
            crowded = time(gateway, review, managers, runs);
        } finally {
            noisy.set(false);
            hammer.shutdown();
            hammer.awaitTermination(2, TimeUnit.MINUTES);
        }
        print("Monthly review through the gateway, while " + NOISY_TENANT + " hammers " + heaviest + " from " + NOISY_THREADS
                + " scripts", crowded);
        System.out.printf("Median while crowded / median alone: %.2f (target at most 2). %s's answers by status: %s%n",
                median(crowded) / median(solo), NOISY_TENANT, new TreeMap<>(noisyAnswers));
        if (tenMillion) {
            growToTenMillion();
            time(gateway, review, managers, 3);
            print("At 10 M entries: trivial GET /api/time/tenant through the gateway", time(gateway, "/api/time/tenant", managers, runs));
            List<Double> atTenMillion = time(gateway, review, managers, runs);
            print("At 10 M entries: monthly review through the gateway, alone", atTenMillion);
            print("At 10 M entries: bare SQL, the same from the monthly rollup", bareMonthlySums(MONTHLY_SUMS, runs));
            System.out.printf("Median at 10 M / median at %.1f M: %.2f (target at most 1.5)%n", 2.0 * entries / 1e6,
                    median(atTenMillion) / median(solo));
        }
        bench.printPeakMemory();
    }

    /**
     * Earlier years of the reviewed tenant's history, one year per statement, until the table holds 10 million
     * entries: a decade of a 1,000-person BPO.
     */
    private void growToTenMillion() throws Exception {
        long started = System.nanoTime();
        LocalDate end = FIRST_DAY;
        while (entriesInAll() < 10_000_000) {
            bench.seedEntries(TENANT, end.minusYears(1), end);
            end = end.minusYears(1);
        }
        System.out.printf("Grew %s's history back to %s: %,d entries in all, in %.0f s%n", TENANT, end, entriesInAll(),
                (System.nanoTime() - started) / 1e9);
    }

    private long entriesInAll() throws Exception {
        try (Connection db = bench.database();
                PreparedStatement count = db.prepareStatement("SELECT count(*) FROM timekeeping.time_entry");
                var rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static final String MONTHLY_SUMS = """
            SELECT f.code, sum(m.seconds), sum(m.entries), sum(m.days) FROM timekeeping.monthly_days m
            JOIN timekeeping.work_function f ON f.id = m.function_id
            WHERE m.tenant_id = ? AND m.month >= ? AND m.month < ? AND m.entries > 0 GROUP BY f.id, f.code""";
    private static final String DAILY_SUMS = """
            SELECT f.code, sum(d.seconds), sum(d.entries) FROM timekeeping.daily_hours d
            JOIN timekeeping.work_function f ON f.id = d.function_id
            WHERE d.tenant_id = ? AND d.work_date >= ? AND d.work_date < ? AND d.entries > 0 GROUP BY f.id, f.code""";

    /** The reference: the database alone summing the reviewed month and the one before by function, as the review asks. */
    private List<Double> bareMonthlySums(String sql, int runs) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (Connection db = bench.database(); PreparedStatement sums = db.prepareStatement(sql)) {
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                for (YearMonth month : List.of(REVIEWED.minusMonths(1), REVIEWED)) {
                    sums.setString(1, TENANT);
                    sums.setObject(2, month.atDay(1));
                    sums.setObject(3, month.plusMonths(1).atDay(1));
                    try (var rows = sums.executeQuery()) {
                        while (rows.next()) {
                            rows.getLong(2);
                        }
                    }
                }
                millis.add((System.nanoTime() - started) / 1e6);
            }
        }
        millis.sort(Double::compare);
        return millis;
    }

    private void seedTenant(ServiceProcess time, ServiceProcess metrics, String tenant) throws Exception {
        String admin = issuer.token(tenant, "bench-admin", Duration.ofHours(2), "tenant-admin");
        String manager = issuer.token(tenant, "bench-manager", Duration.ofHours(2), "manager");
        bench.send(time, "POST", "/api/time/tenants", issuer.token(null, "bench-root", Duration.ofMinutes(5), "platform-admin"),
                Map.of("id", tenant, "name", "Benchmark BPO " + tenant, "timeZone", "America/New_York", "currency", "USD",
                        "agents", 800, "employees", 1_100));
        bench.send(time, "PUT", "/api/time/tenant/headcount", admin, Map.of("effectiveFrom", FIRST_DAY.toString(), "agents", 800, "employees", 1_100));
        for (String client : List.of("CLIENT-A", "CLIENT-B", "CLIENT-C")) {
            bench.send(time, "POST", "/api/time/clients", admin, Map.of("code", client, "name", client));
        }
        List<Long> employees = new ArrayList<>();
        for (int i = 0; i < EMPLOYEES; i++) {
            JsonNode created = bench.send(time, "POST", "/api/time/employees", admin, Map.of("name", "Employee " + i,
                    "email", "e" + i + "@" + tenant + ".example", "team", "Team " + (i % 20)));
            employees.add(created.get("id").asLong());
        }
        entries = bench.seedEntries(tenant, FIRST_DAY, END);
        outputs = recordOutputs(metrics, manager, employees);
    }

    /**
     * A service in production has answered thousands of requests before anyone times it; a few do not get its hot code
     * compiled. So: reviews straight from metrics-service (which reads time-service for each) for 30 s, then trivial
     * requests through the gateway within its per-user limit.
     */
    private void warmUp(ServiceProcess metrics, ServiceProcess gateway, String review, String token) throws Exception {
        long reviews = 0;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < end; reviews++) {
            bench.send(metrics, "GET", review, token, null);
        }
        for (int i = 0; i < 200; i++) {
            bench.send(gateway, "GET", "/api/time/tenant", token, null);
            Thread.sleep(200);
        }
        System.out.printf("Warmed up with %,d reviews straight from metrics-service and 200 trivial requests through the gateway%n", reviews);
    }

    /** Each run's milliseconds, sorted; the runs start 600 ms apart and take turns among the tokens. */
    private List<Double> time(ServiceProcess service, String path, List<String> tokens, int runs) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            bench.send(service, "GET", path, tokens.get(i % tokens.size()), null);
            long took = System.nanoTime() - started;
            millis.add(took / 1e6);
            Thread.sleep(Math.max(0, 600 - TimeUnit.NANOSECONDS.toMillis(took)));
        }
        millis.sort(Double::compare);
        return millis;
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
                    bench.send(metrics, "POST", "/api/metrics/outputs/batch", manager, Map.of("outputs", batch));
                    recorded += batch.size();
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            bench.send(metrics, "POST", "/api/metrics/outputs/batch", manager, Map.of("outputs", batch));
            recorded += batch.size();
        }
        return recorded;
    }
}
