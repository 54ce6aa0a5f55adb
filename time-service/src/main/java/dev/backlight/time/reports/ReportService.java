package dev.backlight.time.reports;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.TenantBulkhead;
import dev.backlight.support.time.Hours;
import dev.backlight.time.directory.CatalogService;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.entries.TimeEntryRepository;
import dev.backlight.time.interruptions.Interruption;
import dev.backlight.time.interruptions.InterruptionKind;
import dev.backlight.time.tenants.Tenant;
import dev.backlight.time.tenants.TenantService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ThreadContext;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Hour and interruption aggregates for the other services and BI tools, grouped and summed by the database (one
 * GROUP BY query; entries are never loaded). Days are the entries' work dates, fixed at capture in the tenant's
 * zone at that instant, so a DST change-over day is one day like any other.
 */
@ApplicationScoped
public class ReportService {

    /** What hours can be grouped by besides the period. */
    public enum Dimension {
        FUNCTION("e.functionId"), CLIENT("e.clientAccountId"), EMPLOYEE("e.employeeId"), TEAM("emp.team");

        final String expression;

        Dimension(String expression) {
            this.expression = expression;
        }
    }

    /** The period each row covers: a day, a week (from the tenant's week start), a month, or the whole range. */
    public enum Bucket {
        DAY, WEEK, MONTH, TOTAL
    }

    public record HoursFilter(LocalDate from, LocalDate to, Long employeeId, String functionCode, String clientCode,
            String team) {
    }

    public record HoursRow(LocalDate period, String functionCode, String clientCode, Long employeeId, String team,
            long seconds, long entries) {
        public BigDecimal hours() {
            return Hours.of(seconds, 4);
        }
    }

    public record HoursReport(Tenant tenant, Bucket bucket, List<Dimension> groupBy, List<HoursRow> rows) {
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
    TimeEntryRepository entries;

    @Inject
    TenantService tenantService;

    @Inject
    CatalogService catalogService;

    @Inject
    EmployeeScope scope;

    /** The most rows one report answers; a larger one is refused, so no request holds an unbounded result in memory. */
    @ConfigProperty(name = "backlight.reports.max-rows", defaultValue = "250000")
    int maxRows;

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

    public Uni<HoursReport> hours(HoursFilter requested, Set<Dimension> dimensions, Bucket bucket) {
        return bulkhead.run(() -> hoursInSession(requested, dimensions, bucket));
    }

    @WithSession
    Uni<HoursReport> hoursInSession(HoursFilter requested, Set<Dimension> dimensions, Bucket bucket) {
        List<Dimension> groupBy = List.of(Dimension.values()).stream().filter(dimensions::contains).toList();
        return tenantService.current().chain(tenant -> ownScope(requested).chain(filter -> catalogService.load()
                .chain(catalog -> {
                    String period = periodExpression(bucket, tenant.weekStart);
                    List<String> selected = new ArrayList<>();
                    if (period != null) {
                        selected.add(period);
                    }
                    groupBy.forEach(d -> selected.add(d.expression));
                    StringBuilder hql = new StringBuilder(" from TimeEntry e");
                    if (groupBy.contains(Dimension.TEAM) || filter.team() != null) {
                        hql.append(" join Employee emp on emp.id = e.employeeId");
                    }
                    hql.append(" where e.workDate >= :from and e.workDate < :to and e.durationSeconds is not null");
                    Map<String, Object> parameters = new HashMap<>();
                    parameters.put("from", filter.from());
                    parameters.put("to", filter.to());
                    if (filter.employeeId() != null) {
                        hql.append(" and e.employeeId = :employeeId");
                        parameters.put("employeeId", filter.employeeId());
                    }
                    if (filter.functionCode() != null) {
                        hql.append(" and e.functionId = :functionId");
                        parameters.put("functionId", orNoMatch(catalog.functionId(filter.functionCode())));
                    }
                    if (filter.clientCode() != null) {
                        hql.append(" and e.clientAccountId = :clientId");
                        parameters.put("clientId", orNoMatch(catalog.clientId(filter.clientCode())));
                    }
                    if (filter.team() != null) {
                        hql.append(" and emp.team = :team");
                        parameters.put("team", filter.team());
                    }
                    String fromWhere = hql.toString();
                    String columns = String.join(", ", selected);
                    String grouping = selected.isEmpty() ? "" : " group by " + columns;
                    String report = "select " + (selected.isEmpty() ? "" : columns + ", ") + "sum(e.durationSeconds), count(e)"
                            + fromWhere + grouping + (selected.isEmpty() ? "" : " order by " + columns);
                    return entries.getSession().chain(session -> fitsTheRowLimit(session, fromWhere, grouping, parameters).chain(() -> {
                        var query = session.createSelectionQuery(report, Object[].class).setMaxResults(maxRows + 1);
                        parameters.forEach(query::setParameter);
                        return query.getResultList();
                    })).map(this::withinRowLimit).map(results -> {
                        List<HoursRow> rows = new ArrayList<>(results.size());
                        for (Object[] r : results) {
                            int i = 0;
                            LocalDate day = period == null ? null : (LocalDate) r[i++];
                            Long functionId = null;
                            Long clientId = null;
                            Long employeeId = null;
                            String team = null;
                            for (Dimension d : groupBy) {
                                Object value = r[i++];
                                switch (d) {
                                    case FUNCTION -> functionId = (Long) value;
                                    case CLIENT -> clientId = (Long) value;
                                    case EMPLOYEE -> employeeId = (Long) value;
                                    case TEAM -> team = (String) value;
                                }
                            }
                            // An ungrouped sum over no entries is one row of NULL: no hours.
                            long seconds = r[i] == null ? 0 : ((Number) r[i]).longValue();
                            long count = ((Number) r[i + 1]).longValue();
                            if (count == 0) {
                                continue;
                            }
                            rows.add(new HoursRow(day, catalog.functionCode(functionId), catalog.clientCode(clientId),
                                    employeeId, team, seconds, count));
                        }
                        return new HoursReport(tenant, bucket, groupBy, rows);
                    });
                })));
    }

    /** Interruption counts and minutes by day, employee and kind. */
    @WithSession
    public Uni<List<InterruptionRow>> interruptions(LocalDate from, LocalDate to, Long employeeId) {
        return rowsInScope(from, to, employeeId, "i",
                "select i.workDate, i.employeeId, i.kind, count(i), sum(i.minutes) from Interruption i",
                "group by i.workDate, i.employeeId, i.kind order by i.workDate, i.employeeId, i.kind")
                .map(results -> results.stream().map(r -> new InterruptionRow((LocalDate) r[0], (Long) r[1],
                        (InterruptionKind) r[2], ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList());
    }

    /**
     * The finished timed entries of [from, to) in the order they were worked, per employee: what the analysis of
     * context switching and after-hours work needs. Entries recorded as a bare duration have no place in a sequence
     * and are left out.
     */
    @WithSession
    public Uni<List<TimelineRow>> timeline(LocalDate from, LocalDate to, Long employeeId) {
        return rowsInScope(from, to, employeeId, "e",
                "select e.employeeId, e.workDate, e.functionId, e.clientAccountId, e.startedAt, e.endedAt, e.zone from TimeEntry e",
                "and e.startedAt is not null and e.endedAt is not null order by e.employeeId, e.startedAt")
                .chain(results -> catalogService.load().map(catalog -> results.stream().map(r -> new TimelineRow((Long) r[0],
                        (LocalDate) r[1], catalog.functionCode((Long) r[2]), catalog.clientCode((Long) r[3]), (Instant) r[4],
                        (Instant) r[5], (String) r[6])).toList()));
    }

    /** When each interruption of [from, to) happened, per employee in time order. */
    @WithSession
    public Uni<List<InterruptionMoment>> interruptionMoments(LocalDate from, LocalDate to, Long employeeId) {
        return rowsInScope(from, to, employeeId, "i", "select i.employeeId, i.occurredAt, i.kind from Interruption i",
                "order by i.employeeId, i.occurredAt")
                .map(results -> results.stream()
                        .map(r -> new InterruptionMoment((Long) r[0], (Instant) r[1], (InterruptionKind) r[2])).toList());
    }

    /**
     * Runs {@code selectFrom} over the work dates [from, to) of one employee or, for those who see the whole tenant,
     * of everyone; {@code alias} is the entity's alias and {@code tail} what follows the conditions.
     */
    private Uni<List<Object[]>> rowsInScope(LocalDate from, LocalDate to, Long employeeId, String alias, String selectFrom, String tail) {
        return ownScope(new HoursFilter(from, to, employeeId, null, null, null)).chain(filter -> {
            String hql = selectFrom + " where " + alias + ".workDate >= :from and " + alias + ".workDate < :to"
                    + (filter.employeeId() == null ? "" : " and " + alias + ".employeeId = :employeeId") + " " + tail;
            return entries.getSession().chain(session -> {
                Mutiny.SelectionQuery<Object[]> query = session.createSelectionQuery(hql, Object[].class).setMaxResults(maxRows + 1)
                        .setParameter("from", filter.from()).setParameter("to", filter.to());
                if (filter.employeeId() != null) {
                    query.setParameter("employeeId", filter.employeeId());
                }
                return bulkhead.run(query::getResultList);
            }).map(this::withinRowLimit);
        });
    }

    private List<Object[]> withinRowLimit(List<Object[]> rows) {
        if (rows.size() > maxRows) {
            throw tooManyRows();
        }
        return rows;
    }

    /**
     * Refuses a report of more groups than the row limit before reading a row of it: its entries bound its groups, so
     * only when there are more entries than the limit are the groups counted, by the database alone.
     */
    private Uni<Void> fitsTheRowLimit(Mutiny.Session session, String fromWhere, String grouping, Map<String, Object> parameters) {
        if (grouping.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Mutiny.SelectionQuery<Long> entriesCount = session.createSelectionQuery("select count(e)" + fromWhere, Long.class);
        parameters.forEach(entriesCount::setParameter);
        return entriesCount.getSingleResult().chain(entries -> {
            if (entries <= maxRows) {
                return Uni.createFrom().voidItem();
            }
            Mutiny.SelectionQuery<Long> groupsCount = session.createSelectionQuery(
                    "select count(*) from (select min(e.id) as first" + fromWhere + grouping + ") g", Long.class);
            parameters.forEach(groupsCount::setParameter);
            return groupsCount.getSingleResult().invoke(groups -> {
                if (groups > maxRows) {
                    throw tooManyRows();
                }
            }).replaceWithVoid();
        });
    }

    private ApiException tooManyRows() {
        return ApiException.invalidField("to", "the report would have more than " + maxRows + " rows; ask for a shorter "
                + "period, or for fewer groupBy dimensions or a coarser bucket");
    }

    /** Staff only ever aggregate their own time. */
    private Uni<HoursFilter> ownScope(HoursFilter filter) {
        if (scope.seesWholeTenant()) {
            return Uni.createFrom().item(filter);
        }
        return scope.forReading(filter.employeeId()).map(me -> new HoursFilter(filter.from(), filter.to(), me.id,
                filter.functionCode(), filter.clientCode(), filter.team()));
    }

    /**
     * The SQL for a row's period. Weeks are 7-day bins aligned on a fixed date that falls on the tenant's week
     * start; the origin is a literal (from an enum, never from input) so the expression is identical in SELECT and
     * GROUP BY.
     */
    static String periodExpression(Bucket bucket, DayOfWeek weekStart) {
        return switch (bucket) {
            case DAY -> "e.workDate";
            case MONTH -> "cast(function('date_trunc', 'month', e.workDate) as LocalDate)";
            case WEEK -> {
                LocalDate origin = LocalDate.of(2000, 1, 1).with(TemporalAdjusters.nextOrSame(weekStart));
                yield "cast(function('date_bin', '7 days', cast(e.workDate as LocalDateTime), "
                        + "cast({d '" + origin + "'} as LocalDateTime)) as LocalDate)";
            }
            case TOTAL -> null;
        };
    }

    /** An id no row has, so that filtering by an unknown code yields no rows rather than all rows. */
    private static Long orNoMatch(Long id) {
        return id == null ? -1L : id;
    }
}
