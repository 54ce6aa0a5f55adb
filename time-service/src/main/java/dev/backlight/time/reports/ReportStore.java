package dev.backlight.time.reports;

import static dev.backlight.support.persistence.QueryConditions.andEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.problem.ApiException;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.reports.ReportService.Bucket;
import dev.backlight.time.reports.ReportService.Dimension;
import dev.backlight.time.reports.ReportService.HoursFilter;
import dev.backlight.time.reports.ReportService.HoursReport;
import dev.backlight.time.reports.ReportService.HoursRow;
import dev.backlight.time.reports.ReportService.InterruptionMoment;
import dev.backlight.time.reports.ReportService.InterruptionRow;
import dev.backlight.time.reports.ReportService.TimelineRow;
import dev.backlight.time.tenants.TenantService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The report queries: each public method is one session, reads the caller's scope and runs one grouped query whose
 * rows come back as the report's records, codes joined in by the database. The queries are assembled here from fixed
 * fragments chosen by enums, never from input.
 */
@ApplicationScoped
class ReportStore {

    /**
     * How each dimension is kept in the rollup rows' groups (the id, or null when not grouped by), then named, grouped
     * and ordered once the groups are summed (ordered by id, as the catalog lists them).
     */
    private record Column(String inner, String join, String select, String groupBy, String orderBy, String absent) {
    }

    private static final Map<Dimension, Column> COLUMNS = Map.of(
            Dimension.FUNCTION, new Column("e.functionId", " join WorkFunction f on f.id = g.functionId",
                    "f.code", "f.id, f.code", "f.id", "cast(null as String)"),
            Dimension.CLIENT, new Column("e.clientAccountId", " left join ClientAccount c on c.id = g.clientAccountId",
                    "c.code", "c.id, c.code", "c.id", "cast(null as String)"),
            Dimension.EMPLOYEE, new Column("e.employeeId", "",
                    "g.employeeId", "g.employeeId", "g.employeeId", "cast(null as Long)"),
            Dimension.TEAM, new Column("e.employeeId", " join Employee emp on emp.id = g.employeeId",
                    "emp.team", "emp.team", "emp.team", "cast(null as String)"));

    /** Joins of a table of entries or rollups: for the codes a report filters by, the timeline shows, and team counts. */
    private static final String FUNCTIONS = " join WorkFunction fn on fn.id = e.functionId";
    private static final String CLIENTS = " left join ClientAccount cl on cl.id = e.clientAccountId";
    private static final String EMPLOYEES = " join Employee em on em.id = e.employeeId";

    private final TenantService tenantService;
    private final EmployeeScope scope;
    private final int maxRows;

    ReportStore(TenantService tenantService, EmployeeScope scope,
            @ConfigProperty(name = "backlight.reports.max-rows", defaultValue = "250000") int maxRows) {
        this.tenantService = tenantService;
        this.scope = scope;
        this.maxRows = maxRows;
    }

    @WithSession
    public Uni<HoursReport> hours(HoursFilter requested, List<Dimension> groupBy, Bucket bucket, boolean personDays) {
        return tenantService.current().chain(tenant -> ownScope(requested).chain(filter -> {
            Rollup rollup = Rollup.serving(filter, groupBy, bucket, personDays);
            String period = periodExpression(bucket, tenant.weekStart(), rollup.day());
            // The rollup rows are summed by ids first, and only those sums are joined to the catalog for their codes
            // and teams: joining every rollup row first costs more than the sums themselves.
            StringBuilder fromWhere = new StringBuilder(" from ").append(rollup.entity()).append(" e");
            if (filter.functionCode() != null) {
                fromWhere.append(FUNCTIONS);
            }
            if (filter.clientCode() != null) {
                fromWhere.append(CLIENTS);
            }
            boolean teamsOnly = groupBy.contains(Dimension.TEAM) && !groupBy.contains(Dimension.EMPLOYEE);
            if (filter.team() != null || teamsOnly) {
                fromWhere.append(EMPLOYEES);
            }
            fromWhere.append(" where ").append(rollup.day()).append(" >= :from and ").append(rollup.day())
                    .append(" < :to and e.entries > 0");
            Map<String, Object> parameters = new HashMap<>(Map.of("from", filter.from(), "to", filter.to()));
            andEquals(fromWhere, parameters, "e.employeeId", "employeeId", filter.employeeId());
            andEquals(fromWhere, parameters, "fn.code", "functionCode", filter.functionCode());
            andEquals(fromWhere, parameters, "cl.code", "clientCode", filter.clientCode());
            andEquals(fromWhere, parameters, "em.team", "team", filter.team());

            StringBuilder inner = new StringBuilder("select ").append(period == null ? "cast(null as LocalDate)" : period)
                    .append(" as period");
            StringBuilder innerGrouping = new StringBuilder(period == null ? "" : period);
            // The groups the report will have, counted before it is read (teams, not their people).
            StringBuilder reportGrouping = new StringBuilder(period == null ? "" : period);
            StringBuilder joins = new StringBuilder();
            StringBuilder select = new StringBuilder("select g.period");
            StringBuilder grouping = new StringBuilder("g.period");
            StringBuilder order = new StringBuilder("g.period");
            boolean byEmployee = groupBy.contains(Dimension.EMPLOYEE) || groupBy.contains(Dimension.TEAM);
            for (Dimension dimension : List.of(Dimension.FUNCTION, Dimension.CLIENT, Dimension.EMPLOYEE)) {
                Column column = COLUMNS.get(dimension);
                boolean kept = dimension == Dimension.EMPLOYEE ? byEmployee : groupBy.contains(dimension);
                inner.append(", ").append(kept ? column.inner() : "cast(null as Long)").append(" as ").append(column.inner().substring(2));
                if (kept) {
                    innerGrouping.append(innerGrouping.isEmpty() ? "" : ", ").append(column.inner());
                    reportGrouping.append(reportGrouping.isEmpty() ? "" : ", ")
                            .append(dimension == Dimension.EMPLOYEE && teamsOnly ? "em.team" : column.inner());
                }
            }
            for (Dimension dimension : Dimension.values()) {
                Column column = COLUMNS.get(dimension);
                select.append(", ").append(groupBy.contains(dimension) ? column.select() : column.absent());
                if (groupBy.contains(dimension)) {
                    joins.append(column.join());
                    grouping.append(", ").append(column.groupBy());
                    order.append(", ").append(column.orderBy());
                }
            }
            if (personDays && !rollup.keepsDays()) {
                // One summed row per person and day within each group, which the report then counts: a person's day
                // on several clients of a function is one person-day of it (a count of distinct pairs sorts them all).
                innerGrouping.append(innerGrouping.isEmpty() ? "" : ", ").append(byEmployee ? "" : "e.employeeId, ").append("e.workDate");
            }
            inner.append(", sum(e.seconds) as seconds, sum(e.entries) as entries")
                    .append(rollup.keepsDays() ? ", sum(e.days) as days" : "").append(fromWhere)
                    .append(innerGrouping.isEmpty() ? "" : " group by " + innerGrouping);
            String groupClause = reportGrouping.isEmpty() ? "" : " group by " + reportGrouping;
            String personDaysSum = !personDays ? "cast(null as Long)" : rollup.keepsDays() ? "coalesce(sum(g.days), 0L)" : "count(*)";
            // An ungrouped sum over no entries is one row of nothing: no entries, left out below.
            String hql = select + ", coalesce(sum(g.seconds), 0L), coalesce(sum(g.entries), 0L), " + personDaysSum
                    + " from (" + inner + ") g" + joins + " group by " + grouping + " order by " + order;
            // Groups per person or per day are the ones that run into the row limit, so only they are counted first; the
            // others (functions, clients, teams by month or in total) stay few, and are read at most one past the limit.
            boolean mayBeLarge = groupBy.contains(Dimension.EMPLOYEE) || bucket == Bucket.DAY || bucket == Bucket.WEEK;
            return Panache.getSession().chain(session -> (mayBeLarge
                    ? fitsTheRowLimit(session, fromWhere.toString(), groupClause, parameters) : Uni.createFrom().voidItem())
                    .chain(() -> {
                        var query = session.createSelectionQuery(hql, HoursRow.class).setMaxResults(maxRows + 1);
                        parameters.forEach(query::setParameter);
                        return query.getResultList();
                    }))
                    .map(this::withinRowLimit)
                    .map(rows -> new HoursReport(tenant.timeZone(), bucket, groupBy,
                            rows.stream().filter(row -> row.entries() > 0).toList()));
        }));
    }

    @WithSession
    public Uni<List<InterruptionRow>> interruptions(LocalDate from, LocalDate to, Long employeeId) {
        return inScope(from, to, employeeId, InterruptionRow.class, "i",
                "select i.workDate, i.employeeId, i.kind, count(i), sum(i.minutes) from Interruption i",
                "group by i.workDate, i.employeeId, i.kind order by i.workDate, i.employeeId, i.kind");
    }

    @WithSession
    public Uni<List<TimelineRow>> timeline(LocalDate from, LocalDate to, Long employeeId) {
        return inScope(from, to, employeeId, TimelineRow.class, "e",
                "select e.employeeId, e.workDate, fn.code, cl.code, e.startedAt, e.endedAt, e.zone from TimeEntry e" + FUNCTIONS + CLIENTS,
                "and e.startedAt is not null and e.endedAt is not null order by e.employeeId, e.startedAt");
    }

    @WithSession
    public Uni<List<InterruptionMoment>> interruptionMoments(LocalDate from, LocalDate to, Long employeeId) {
        return inScope(from, to, employeeId, InterruptionMoment.class, "i",
                "select i.employeeId, i.occurredAt, i.kind from Interruption i", "order by i.employeeId, i.occurredAt");
    }

    /**
     * Rows of {@code selectFrom} over the work dates [from, to) of one employee or, for those who see the whole tenant,
     * of everyone; {@code alias} is the queried entity's alias and {@code tail} what follows the conditions.
     */
    private <R> Uni<List<R>> inScope(LocalDate from, LocalDate to, Long employeeId, Class<R> row, String alias,
            String selectFrom, String tail) {
        return ownScope(new HoursFilter(from, to, employeeId, null, null, null)).chain(filter -> {
            String hql = selectFrom + " where " + alias + ".workDate >= :from and " + alias + ".workDate < :to"
                    + (filter.employeeId() == null ? "" : " and " + alias + ".employeeId = :employeeId") + " " + tail;
            return Panache.getSession().chain(session -> {
                Mutiny.SelectionQuery<R> query = session.createSelectionQuery(hql, row).setMaxResults(maxRows + 1)
                        .setParameter("from", filter.from()).setParameter("to", filter.to());
                if (filter.employeeId() != null) {
                    query.setParameter("employeeId", filter.employeeId());
                }
                return query.getResultList();
            }).map(this::withinRowLimit);
        });
    }

    private <R> List<R> withinRowLimit(List<R> rows) {
        if (rows.size() > maxRows) {
            throw tooManyRows();
        }
        return rows;
    }

    /**
     * Refuses a report of more groups than the row limit before reading a row of it: its rollup rows bound its groups,
     * so only when there are more of them than the limit are the groups counted, by the database alone.
     */
    private Uni<Void> fitsTheRowLimit(Mutiny.Session session, String fromWhere, String grouping, Map<String, Object> parameters) {
        if (grouping.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Mutiny.SelectionQuery<Long> rollupCount = session.createSelectionQuery("select count(e)" + fromWhere, Long.class);
        parameters.forEach(rollupCount::setParameter);
        return rollupCount.getSingleResult().chain(rollups -> {
            if (rollups <= maxRows) {
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
        return scope.forReading(filter.employeeId()).map(me -> new HoursFilter(filter.from(), filter.to(), me.id(),
                filter.functionCode(), filter.clientCode(), filter.team()));
    }

    /**
     * The rollup a report sums, the attribute holding each row's day, and whether its rows hold their person-days.
     * Whole months (or their total) read a monthly rollup: the one without clients (fewer rows, person-days per
     * function) when the report neither groups nor filters by client and, for person-days, each group is of one
     * function (a day on two functions is one person-day of their total); else the one per client unless person-days
     * are asked for. Any other report reads the daily rollup.
     */
    private record Rollup(String entity, String day, boolean keepsDays) {
        static final Rollup DAILY = new Rollup("DailyHours", "e.workDate", false);
        static final Rollup MONTHLY_BY_CLIENT = new Rollup("MonthlyHours", "e.month", false);
        static final Rollup MONTHLY = new Rollup("MonthlyDays", "e.month", true);

        static Rollup serving(HoursFilter filter, List<Dimension> groupBy, Bucket bucket, boolean personDays) {
            boolean wholeMonths = filter.from().getDayOfMonth() == 1 && filter.to().getDayOfMonth() == 1
                    && (bucket == Bucket.MONTH || bucket == Bucket.TOTAL);
            if (!wholeMonths) {
                return DAILY;
            }
            boolean daysPerFunction = groupBy.contains(Dimension.FUNCTION) || filter.functionCode() != null;
            if (filter.clientCode() == null && !groupBy.contains(Dimension.CLIENT) && (!personDays || daysPerFunction)) {
                return MONTHLY;
            }
            return personDays ? DAILY : MONTHLY_BY_CLIENT;
        }
    }

    /**
     * The SQL for a row's period, from the rollup's day attribute. Weeks are 7-day bins aligned on a fixed date that
     * falls on the tenant's week start; the origin is a literal (from an enum, never from input) so the expression is
     * identical in SELECT and GROUP BY.
     */
    static String periodExpression(Bucket bucket, DayOfWeek weekStart, String day) {
        return switch (bucket) {
            case DAY -> day;
            case MONTH -> "cast(function('date_trunc', 'month', " + day + ") as LocalDate)";
            case WEEK -> {
                LocalDate origin = LocalDate.of(2000, 1, 1).with(TemporalAdjusters.nextOrSame(weekStart));
                yield "cast(function('date_bin', '7 days', cast(" + day + " as LocalDateTime), "
                        + "cast({d '" + origin + "'} as LocalDateTime)) as LocalDate)";
            }
            case TOTAL -> null;
        };
    }
}
