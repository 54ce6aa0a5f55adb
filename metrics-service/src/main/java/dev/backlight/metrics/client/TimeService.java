package dev.backlight.metrics.client;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import dev.backlight.metrics.client.TimeServiceClient.ClientAccount;
import dev.backlight.metrics.client.TimeServiceClient.Employee;
import dev.backlight.metrics.client.TimeServiceClient.Headcount;
import dev.backlight.metrics.client.TimeServiceClient.HoursReport;
import dev.backlight.metrics.client.TimeServiceClient.WorkFunction;
import dev.backlight.support.problem.UpstreamUnavailable;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads from time-service with a time limit per call, retries (every call here is an idempotent read) and a
 * circuit breaker, so a slow or absent time-service costs callers seconds, not threads. What still fails becomes a
 * 503 problem with Retry-After (see the shared problem mappers).
 */
@ApplicationScoped
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {UpstreamUnavailable.class, ProcessingException.class, TimeoutException.class})
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        failOn = {UpstreamUnavailable.class, ProcessingException.class, TimeoutException.class})
public class TimeService {

    private final TimeServiceClient client;

    TimeService(@RestClient TimeServiceClient client) {
        this.client = client;
    }

    /** Hours in [from, to) grouped as time-service's {@code groupBy} says, in one bucket per group. */
    public Uni<HoursReport> hours(LocalDate from, LocalDate to, String groupBy) {
        return client.hours(from, to, groupBy, "total", null);
    }

    /** One row per employee and day with time on the function: the days each person worked on it. */
    public Uni<HoursReport> daysWorkedOn(String functionCode, LocalDate from, LocalDate to) {
        return client.hours(from, to, "employee", "day", functionCode);
    }

    public Uni<List<Headcount>> headcountHistory() {
        return client.headcountHistory();
    }

    /** Every function, retired ones included: their history still counts. */
    public Uni<List<WorkFunction>> functions() {
        return client.functions(true);
    }

    public Uni<List<Employee>> employees() {
        return client.employees(true);
    }

    public Uni<Employee> me() {
        return client.me();
    }

    public Uni<List<ClientAccount>> clients() {
        return client.clients(true);
    }
}
