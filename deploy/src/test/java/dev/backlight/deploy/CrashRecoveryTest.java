package dev.backlight.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.backlight.testing.LocalPostgres;
import dev.backlight.testing.ServiceProcess;
import dev.backlight.testing.TestTokens;

/**
 * The local run's database as a durable store: PostgreSQL is killed (SIGKILL, no shutdown) while time is being
 * captured through time-service, and after its restart every entry that was answered 201 is there.
 */
class CrashRecoveryTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CALLERS = 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path temp;

    @Test
    void everyEntryAcknowledgedBeforeTheDatabaseWasKilledIsThereAfterItsRestart() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.startDurable(temp.resolve("postgres"))) {
            Map<String, String> config = new HashMap<>(DatabaseRoles.create(ROOT, postgres).datasourceFor("time-service"));
            config.putAll(new TestTokens().start());
            try (ServiceProcess time = ServiceProcess.startModule(ROOT, "time-service", ServiceProcess.freePort(), config,
                    ContainerMemory.JVM_OPTIONS, Path.of("target/crash-recovery-time-service.log"))) {
                time.awaitReady(Duration.ofMinutes(2));
                String tenant = "crash-" + UUID.randomUUID().toString().substring(0, 8);
                assertEquals(201, post(time.baseUri(), "/api/time/tenants", TestTokens.token(null, "root", "platform-admin"),
                        Map.of("id", tenant, "name", "Crash test", "timeZone", "UTC", "currency", "USD", "agents", 10, "employees", 12)));
                String admin = TestTokens.token(tenant, "admin", "tenant-admin");
                String manager = TestTokens.token(tenant, "manager", "manager");
                List<Long> employees = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    employees.add(JSON.readTree(send(time.baseUri(), "/api/time/employees", admin, Map.of("name", "Agent " + i,
                            "email", "agent" + i + "@crash.example", "team", "Operations")).body()).get("id").asLong());
                }

                Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
                AtomicBoolean capturing = new AtomicBoolean(true);
                ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
                List<Future<?>> running = new ArrayList<>();
                for (long employee : employees) {
                    running.add(callers.submit(() -> capture(time.baseUri(), manager, employee, capturing, acknowledged)));
                }
                Instant deadline = Instant.now().plusSeconds(60);
                while (acknowledged.size() < 200 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
                postgres.killServer();
                int beforeTheCrash = acknowledged.size();
                Thread.sleep(500);
                capturing.set(false);
                for (Future<?> caller : running) {
                    caller.get(1, TimeUnit.MINUTES);
                }
                callers.shutdown();
                postgres.restart(() -> { });

                assertTrue(beforeTheCrash >= 200, "captures were answered before the crash: " + beforeTheCrash);
                String ids = acknowledged.stream().map(String::valueOf).collect(Collectors.joining(","));
                assertEquals(String.valueOf(acknowledged.size()),
                        postgres.query("SELECT count(*) FROM timekeeping.time_entry WHERE id IN (" + ids + ")"),
                        "every acknowledged entry survived");
                assertEquals(String.valueOf(acknowledged.size()),
                        postgres.query("SELECT sum(entries) FROM timekeeping.daily_hours WHERE tenant_id = '" + tenant + "'"),
                        "the rollups agree with the entries");
                assertEquals(201, captureAfterRestart(time.baseUri(), manager, employees.get(0)), "time-service captures again");
            }
        }
    }

    /** Captures one-minute entries until told to stop; entries answered 201 are acknowledged. */
    private void capture(URI service, String token, long employee, AtomicBoolean capturing, Queue<Long> acknowledged) {
        for (int i = 0; capturing.get(); i++) {
            try {
                HttpResponse<String> answer = send(service, "/api/time/entries", token, entry(employee, i));
                if (answer.statusCode() == 201) {
                    acknowledged.add(JSON.readTree(answer.body()).get("id").asLong());
                }
            } catch (Exception refusedWhileDown) {
                // the database is down: nothing was acknowledged
            }
        }
    }

    private int captureAfterRestart(URI service, String token, long employee) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        int status;
        do {
            status = post(service, "/api/time/entries", token, entry(employee, 100_000));
        } while (status != 201 && Instant.now().isBefore(deadline) && sleep());
        return status;
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(500);
        return true;
    }

    /** A one-minute entry on one of 60 past days, so no day reaches its 24-hour limit. */
    private static Map<String, Object> entry(long employee, int n) {
        return Map.of("employeeId", employee, "functionCode", "REPORTING",
                "workDate", LocalDate.now().minusDays(10 + n % 60).toString(), "durationMinutes", 1);
    }

    private int post(URI service, String path, String token, Object body) throws Exception {
        return send(service, path, token, body).statusCode();
    }

    private HttpResponse<String> send(URI service, String path, String token, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
