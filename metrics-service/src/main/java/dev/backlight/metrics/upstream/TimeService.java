package dev.backlight.metrics.upstream;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.upstream.TimeServiceClient.ClientAccount;
import dev.backlight.metrics.upstream.TimeServiceClient.Employee;
import dev.backlight.metrics.upstream.TimeServiceClient.Headcount;
import dev.backlight.metrics.upstream.TimeServiceClient.HoursReport;
import dev.backlight.metrics.upstream.TimeServiceClient.InterruptionMoment;
import dev.backlight.metrics.upstream.TimeServiceClient.InterruptionRow;
import dev.backlight.metrics.upstream.TimeServiceClient.TenantProfile;
import dev.backlight.metrics.upstream.TimeServiceClient.TimelineRow;
import dev.backlight.metrics.upstream.TimeServiceClient.WorkFunction;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.Paging;
import dev.backlight.support.upstream.UpstreamGuard;
import dev.backlight.support.upstream.UpstreamGuards;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads from time-service through one {@link UpstreamGuard}: every call here is an idempotent read, so each gets a
 * time limit and retries, and all share one circuit breaker. What still fails becomes a 503 naming time-service.
 */
@ApplicationScoped
public class TimeService {

    private final TimeServiceClient client;
    private final UpstreamGuard guard;

    TimeService(@RestClient TimeServiceClient client, UpstreamGuards guards) {
        this.client = client;
        this.guard = guards.guardFor("time-service");
    }

    /** Hours in [from, to) grouped as time-service's {@code groupBy} says, in one bucket per group. */
    public Uni<HoursReport> hours(LocalDate from, LocalDate to, String groupBy) {
        return guard.read(() -> client.hours(from, to, groupBy, "total", null, null));
    }

    /**
     * Hours of [from, to) per calendar month (the row's period is the month's first day) and groupBy, with each row's
     * person-days when asked for: over whole months without clients, time-service reads both from one rollup.
     */
    public Uni<HoursReport> hoursByMonth(LocalDate from, LocalDate to, String groupBy, boolean personDays) {
        return guard.read(() -> client.hours(from, to, groupBy, "month", null, personDays ? true : null));
    }

    /**
     * The person-days (each person's days with time on it, counted once) spent on one function in [from, to), per
     * group and bucket: a small answer however many people and days there are.
     */
    public Uni<HoursReport> personDaysOn(String functionCode, LocalDate from, LocalDate to, String groupBy, String bucket) {
        return guard.read(() -> client.hours(from, to, groupBy, bucket, functionCode, true));
    }

    /** Hours per employee and day in [from, to), one employee or all. */
    public Uni<HoursReport> dailyHoursByEmployee(LocalDate from, LocalDate to) {
        return guard.read(() -> client.hours(from, to, "employee", "day", null, null));
    }

    /** Interruption counts and minutes per day, employee and kind in [from, to). */
    public Uni<List<InterruptionRow>> interruptions(LocalDate from, LocalDate to, Long employeeId) {
        return guard.read(() -> client.interruptions(from, to, employeeId));
    }

    /** Finished timed entries of [from, to) per employee in the order worked. */
    public Uni<List<TimelineRow>> timeline(LocalDate from, LocalDate to, Long employeeId) {
        return guard.read(() -> client.timeline(from, to, employeeId));
    }

    public Uni<List<InterruptionMoment>> interruptionMoments(LocalDate from, LocalDate to, Long employeeId) {
        return guard.read(() -> client.interruptionMoments(from, to, employeeId));
    }

    /** The tenant's zone and week start. */
    public Uni<TenantProfile> tenant() {
        return guard.read(client::tenant);
    }

    public Uni<List<Headcount>> headcountHistory() {
        return ListPage.readAll(page -> guard.read(() -> client.headcountHistory(page, Paging.MAX_SIZE)));
    }

    /** Every function, retired ones included: their history still counts. */
    public Uni<List<WorkFunction>> functions() {
        return ListPage.readAll(page -> guard.read(() -> client.functions(true, page, Paging.MAX_SIZE)));
    }

    public Uni<List<Employee>> employees() {
        return ListPage.readAll(page -> guard.read(() -> client.employees(true, page, Paging.MAX_SIZE)));
    }

    public Uni<Employee> me() {
        return guard.read(client::me);
    }

    public Uni<List<ClientAccount>> clients() {
        return ListPage.readAll(page -> guard.read(() -> client.clients(true, page, Paging.MAX_SIZE)));
    }
}
