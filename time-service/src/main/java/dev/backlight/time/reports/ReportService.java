package dev.backlight.time.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.tenancy.TenantBulkhead;
import dev.backlight.support.time.Hours;
import dev.backlight.time.interruptions.InterruptionKind;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Hour and interruption aggregates for the other services and BI tools, grouped and summed by the database (one
 * GROUP BY query; entries are never loaded). Days are the entries' work dates, fixed at capture in the tenant's
 * zone at that instant, so a DST change-over day is one day like any other.
 */
@ApplicationScoped
public class ReportService {

    /** What hours can be grouped by besides the period. */
    public enum Dimension {
        FUNCTION, CLIENT, EMPLOYEE, TEAM
    }

    /** The period each row covers: a day, a week (from the tenant's week start), a month, or the whole range. */
    public enum Bucket {
        DAY, WEEK, MONTH, TOTAL
    }

    public record HoursFilter(LocalDate from, LocalDate to, Long employeeId, String functionCode, String clientCode,
            String team) {
    }

    /** personDays: the distinct (employee, day) pairs with time in the group; null unless asked for. */
    public record HoursRow(LocalDate period, String functionCode, String clientCode, Long employeeId, String team,
            long seconds, long entries, Long personDays) {
        public BigDecimal hours() {
            return Hours.of(seconds, 4);
        }
    }

    public record HoursReport(String timeZone, Bucket bucket, List<Dimension> groupBy, List<HoursRow> rows) {
        public long totalSeconds() {
            return rows.stream().mapToLong(HoursRow::seconds).sum();
        }
    }

    public record InterruptionRow(LocalDate period, Long employeeId, InterruptionKind kind, long count, long minutes) {
    }

    public record TimelineRow(Long employeeId, LocalDate workDate, String functionCode, String clientCode, Instant startedAt,
            Instant endedAt, String zone) {
    }

    public record InterruptionMoment(Long employeeId, Instant occurredAt, InterruptionKind kind) {
    }

    @Inject
    ReportStore store;

    @ConfigProperty(name = "backlight.reports.concurrent-per-tenant", defaultValue = "1")
    int concurrentPerTenant;

    @ConfigProperty(name = "backlight.reports.waiting-per-tenant", defaultValue = "32")
    int waitingPerTenant;

    @Inject
    ThreadContext requestContext;

    private TenantBulkhead bulkhead;

    @PostConstruct
    void limitConcurrentReportsPerTenant() {
        bulkhead = new TenantBulkhead(concurrentPerTenant, waitingPerTenant, requestContext);
    }

    /** Hours grouped by the dimensions (in their declared order) and bucketed by period, one tenant's reports at a time. */
    public Uni<HoursReport> hours(HoursFilter requested, Set<Dimension> dimensions, Bucket bucket, boolean personDays) {
        List<Dimension> groupBy = Arrays.stream(Dimension.values()).filter(dimensions::contains).toList();
        return bulkhead.run(() -> store.hours(requested, groupBy, bucket, personDays));
    }

    /** Interruption counts and minutes by day, employee and kind. */
    public Uni<List<InterruptionRow>> interruptions(LocalDate from, LocalDate to, Long employeeId) {
        return bulkhead.run(() -> store.interruptions(from, to, employeeId));
    }

    /**
     * The finished timed entries of [from, to) in the order they were worked, per employee: what the analysis of
     * context switching and after-hours work needs. Entries recorded as a bare duration have no place in a sequence
     * and are left out.
     */
    public Uni<List<TimelineRow>> timeline(LocalDate from, LocalDate to, Long employeeId) {
        return bulkhead.run(() -> store.timeline(from, to, employeeId));
    }

    /** When each interruption of [from, to) happened, per employee in time order. */
    public Uni<List<InterruptionMoment>> interruptionMoments(LocalDate from, LocalDate to, Long employeeId) {
        return bulkhead.run(() -> store.interruptionMoments(from, to, employeeId));
    }
}
