package dev.backlight.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backlight.testing.ServiceProcess;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Prints how many time captures the suite takes at shift start: 64 callers at once, through the gateway, each
 * recording entries (POST /api/time/entries), switching timers (POST /api/time/timers/start) or stopping and starting
 * them in turn (POST /api/time/timers/stop, then start) for employees of their own, beside an authenticated trivial
 * GET (/api/time/tenant) through the same gateway in the same run, with the processor time each process
 * (time-service, gateway, PostgreSQL, the load generator) spent per request. The tenant has 1,536 employees with a
 * year of history each.
 * time-service and the gateway run with the manifests' memory; the gateway's rate limit is lifted. The callers share
 * one event loop and keep-alive connections, so that the load generator takes as little as it can of the two cores
 * the services are measured on (a blocking client thread per caller took 0.24-0.36 ms of processor per request).
 */
public final class CaptureBenchmark {

    private static final String TENANT = "bench-capture";
    private static final int CALLERS = 64;
    /**
     * Enough that a caller stopping and starting its employees' timers in turn comes back to each after more than a
     * second, so a stop records an entry rather than discarding a timer stopped within its first second.
     */
    private static final int EMPLOYEES_PER_CALLER = 24;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    /** How many days before the measured entries the warm-up's entries go. */
    private static final int WARM_UP_DAYS = 15;

    private final BenchmarkRun bench;
    /** Where each load's processor time is read, in the order printed. */
    private final Map<String, Supplier<Duration>> processes = new LinkedHashMap<>();
    private final List<Long> employees = new ArrayList<>();
    /** The Authorization header every load sends: a manager of the tenant. */
    private String managerAuthorization;
    /** The load generator's one event loop. */
    private final Vertx loop;
    private HttpClient http;

    private CaptureBenchmark(BenchmarkRun bench, Vertx loop) {
        this.bench = bench;
        this.loop = loop;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (BenchmarkRun bench = new BenchmarkRun(root, "capture-benchmark")) {
            Vertx loop = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
            try {
                new CaptureBenchmark(bench, loop).run(Duration.ofSeconds(seconds));
            } finally {
                loop.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
            }
        }
    }

    /** Requests per second, sorted latencies in milliseconds and statuses of one path in a load. */
    private record PathFigures(double perSecond, List<Double> millis, Map<Integer, Integer> statuses) {
        double percentile(double p) {
            return millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * p) - 1));
        }
    }

    /**
     * The whole load's figures, each path's apart when it sent to more than one, and the processor time each process
     * spent per request (milliseconds).
     */
    private record Load(PathFigures all, Map<String, PathFigures> byPath, Map<String, Double> cpuPerRequest) {
    }

    /** One answered request. */
    private record Answer(String path, double millis, int status) {
    }

    /** One request to the gateway: a GET when the body is null. */
    private record Call(String path, String body) {
    }

    /** One caller's next request, given its number and how many it has sent. */
    private interface Caller {
        Call next(int caller, int sent);
    }

    private void run(Duration each) throws Exception {
        BenchmarkRun.TimeBehindGateway suite = bench.startTimeBehindGateway();
        ServiceProcess time = suite.time();
        ServiceProcess gateway = suite.gateway();
        http = loop.createHttpClient(new HttpClientOptions().setDefaultHost(gateway.baseUri().getHost())
                .setDefaultPort(gateway.port()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(CALLERS));
        processes.put("time-service", time::cpuTime);
        processes.put("gateway", gateway::cpuTime);
        processes.put("PostgreSQL", bench.postgres::cpuTime);
        processes.put("load generator", () -> ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));

        bench.send(time, "POST", "/api/time/tenants", bench.issuer.token(null, "bench-root", Duration.ofMinutes(5), "platform-admin"),
                Map.of("id", TENANT, "name", "Capture benchmark", "timeZone", "Europe/London", "currency", "GBP",
                        "agents", 400, "employees", CALLERS * EMPLOYEES_PER_CALLER));
        String admin = bench.issuer.token(TENANT, "bench-admin", Duration.ofHours(2), "tenant-admin");
        for (int i = 0; i < CALLERS * EMPLOYEES_PER_CALLER; i++) {
            JsonNode created = bench.send(time, "POST", "/api/time/employees", admin, Map.of("name", "Agent " + i,
                    "email", "a" + i + "@capture.example", "team", "Team " + (i % 8)));
            employees.add(created.get("id").asLong());
        }
        managerAuthorization = "Bearer " + bench.issuer.token(TENANT, "bench-manager", Duration.ofHours(2), "manager");

        // A year of history ending before the captured days, as a back office has once it runs on Backlight: every
        // check a capture makes must cost the same on day 300 as on day 1.
        Instant firstStart = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(30));
        LocalDate historyEnd = LocalDate.ofInstant(firstStart, ZoneOffset.UTC).minusDays(WARM_UP_DAYS + 1);
        long history = bench.seedEntries(TENANT, historyEnd.minusYears(1), historyEnd);
        System.out.printf("Tenant of %d employees with a year of history: %,d time entries%n", employees.size(), history);
        Caller trivialGet = (caller, sent) -> get("/api/time/tenant");
        Caller timerStart = (caller, sent) -> startTimer(employeeOf(caller, sent));
        // Each of the caller's employees in turn: its running timer stopped, then a new one started, so the employee's
        // next stop comes two rounds of the caller's employees later.
        Caller timerStopThenStart = (caller, sent) -> {
            long employee = employeeOf(caller, sent / 2);
            return sent % 2 == 0 ? post("/api/time/timers/stop", Map.of("employeeId", employee)) : startTimer(employee);
        };
        // Warm-up: every path runs under load long enough for the JIT to compile it, as it has long been in production
        // (with 5 s each, the compiler threads still took a third of a core during the measured loads).
        load(WARM_UP, trivialGet);
        load(WARM_UP, (caller, sent) -> entry(caller, sent, firstStart.minus(Duration.ofDays(WARM_UP_DAYS))));
        load(WARM_UP, timerStart);
        load(WARM_UP, timerStopThenStart);
        Load trivial = load(each, trivialGet);
        Load entries = load(each, (caller, sent) -> entry(caller, sent, firstStart));
        Load timers = load(each, timerStart);
        Load stops = load(each, timerStopThenStart);

        print("Trivial authenticated GET /api/time/tenant through the gateway (reference)", trivial, trivial);
        print("POST /api/time/entries through the gateway", entries, trivial);
        print("POST /api/time/timers/start (stops the running one) through the gateway", timers, trivial);
        print("POST /api/time/timers/stop and start in turn through the gateway", stops, trivial);
        bench.printPeakMemory();
    }

    private static Call get(String path) {
        return new Call(path, null);
    }

    private Call post(String path, Map<String, Object> body) {
        try {
            return new Call(path, bench.json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller's employees in turn. */
    private long employeeOf(int caller, int turn) {
        return employees.get(caller * EMPLOYEES_PER_CALLER + turn % EMPLOYEES_PER_CALLER);
    }

    private Call startTimer(long employee) {
        return post("/api/time/timers/start", Map.of("employeeId", employee, "functionCode", "OTHER"));
    }

    /** The caller's n-th entry: 10 minutes, its employees in turn, each employee's entries one after another. */
    private Call entry(int caller, int sent, Instant firstStart) {
        Instant start = firstStart.plus(Duration.ofMinutes(10L * (sent / EMPLOYEES_PER_CALLER)));
        return post("/api/time/entries", Map.of("employeeId", employeeOf(caller, sent), "functionCode", "PAYROLL",
                "startedAt", start.toString(), "endedAt", start.plus(Duration.ofMinutes(10)).toString()));
    }

    /**
     * Runs the callers for the given time, each sending its next request as soon as the last one is answered. A request
     * that fails, or gets nothing back for 30 s, counts with status 0.
     */
    private Load load(Duration length, Caller caller) throws Exception {
        List<Answer> answers = new ArrayList<>();
        Map<String, Duration> cpuBefore = cpuTimes();
        long end = System.nanoTime() + length.toNanos();
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            callers.add(done);
            int number = c;
            loop.runOnContext(ignored -> callNext(caller, number, 0, end, answers, done));
        }
        CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(length.toSeconds() + 60, TimeUnit.SECONDS);
        Map<String, Double> cpuPerRequest = new LinkedHashMap<>();
        cpuTimes().forEach((process, after) -> cpuPerRequest.put(process,
                after.minus(cpuBefore.get(process)).toNanos() / 1e6 / Math.max(1, answers.size())));
        double seconds = length.toNanos() / 1e9;
        Map<String, PathFigures> byPath = new LinkedHashMap<>();
        answers.stream().collect(Collectors.groupingBy(Answer::path, LinkedHashMap::new, Collectors.toList()))
                .forEach((path, ofPath) -> byPath.put(path, figures(ofPath, seconds)));
        return new Load(figures(answers, seconds), byPath, cpuPerRequest);
    }

    /** Sends one caller's next request on the event loop, which alone touches the answers until the load ends. */
    private void callNext(Caller caller, int number, int sent, long end, List<Answer> answers, CompletableFuture<Void> done) {
        if (System.nanoTime() >= end) {
            done.complete(null);
            return;
        }
        Call call = caller.next(number, sent);
        RequestOptions request = new RequestOptions().setURI(call.path()).setIdleTimeout(30_000)
                .setMethod(call.body() == null ? HttpMethod.GET : HttpMethod.POST)
                .putHeader("Authorization", managerAuthorization);
        if (call.body() != null) {
            request.putHeader("Content-Type", "application/json");
        }
        long started = System.nanoTime();
        http.request(request)
                .compose(sending -> call.body() == null ? sending.send() : sending.send(Buffer.buffer(call.body())))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(answered -> {
                    answers.add(new Answer(call.path(), (System.nanoTime() - started) / 1e6,
                            answered.succeeded() ? answered.result() : 0));
                    callNext(caller, number, sent + 1, end, answers, done);
                });
    }

    private static PathFigures figures(List<Answer> answers, double seconds) {
        List<Double> sorted = answers.stream().map(Answer::millis).sorted().toList();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        answers.forEach(answer -> statuses.merge(answer.status(), 1, Integer::sum));
        return new PathFigures(sorted.size() / seconds, sorted, statuses);
    }

    private Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        processes.forEach((process, cpu) -> times.put(process, cpu.get()));
        return times;
    }

    private static void print(String what, Load load, Load reference) {
        System.out.printf("%s, %d callers: %s; processor time per request: %s%n", what, CALLERS,
                describe(load.all(), reference), load.cpuPerRequest().entrySet().stream()
                        .map(cpu -> String.format("%s %.2f ms", cpu.getKey(), cpu.getValue())).collect(Collectors.joining(", ")));
        if (load.byPath().size() > 1) {
            load.byPath().forEach((path, figures) -> System.out.printf("  of which %s: %s%n", path, describe(figures, reference)));
        }
    }

    private static String describe(PathFigures figures, Load reference) {
        return String.format("%,.0f req/s (%.0f %% of the reference), p50 %.1f ms, p99 %.1f ms, statuses %s",
                figures.perSecond(), 100 * figures.perSecond() / reference.all().perSecond(), figures.percentile(0.5),
                figures.percentile(0.99), figures.statuses());
    }
}
