package dev.backlight.time.entries;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.time.directory.CatalogService;
import dev.backlight.time.directory.EmployeeRef;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.tenants.TenantProfile;
import dev.backlight.time.timesheets.OpenPeriods;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records a new entry in plain SQL on the reactive client, in one transaction of three statements: who and what
 * (the tenant, the caller's own record, the employee the time is for, locked until the transaction ends, the function
 * and the client), then the day (its locked period, the week's timesheet, the time it holds, an entry the new one
 * overlaps, an entry already stored under the externalRef), then the insert. Captures come in bursts at shift start:
 * through the entities the same work took ten statements and most of the service's processor time. Each feature's
 * rule is applied by its own public service to what was read; the tables are read here, each statement naming the
 * tenant (the entities' tenant filter does not reach plain SQL).
 */
@ApplicationScoped
class EntryCapture {

    /**
     * The employee row lock is the first thing the statement takes; what it reads besides (tenant, function, client)
     * does not depend on that employee's time, so reading it in the same snapshot loses nothing.
     */
    private static final String PARTIES = """
            WITH me AS (
                SELECT id, active FROM timekeeping.employee WHERE tenant_id = $1 AND subject = $2
            ), employee AS (
                SELECT id, time_zone FROM timekeeping.employee
                 WHERE tenant_id = $1 AND id = coalesce($3::bigint, (SELECT id FROM me))
                   FOR UPDATE
            )
            SELECT t.name, t.time_zone, t.currency, t.week_start, t.version,
                   (SELECT id FROM me) AS my_id, (SELECT active FROM me) AS my_record_active,
                   (SELECT id FROM employee) AS employee_id, (SELECT time_zone FROM employee) AS employee_zone,
                   f.id AS function_id, f.retired_at IS NOT NULL AS function_retired,
                   c.id AS client_id, coalesce(c.active, false) AS client_active
              FROM timekeeping.tenant t
              LEFT JOIN timekeeping.work_function f ON f.tenant_id = t.id AND f.code = $4
              LEFT JOIN timekeeping.client_account c ON c.tenant_id = t.id AND c.code = $5::text
             WHERE t.id = $1""";

    /**
     * Read after the employee's lock is held, so in READ COMMITTED its snapshot holds every change committed to that
     * employee's time before. A manual entry ($5 null) overlaps nothing.
     */
    private static final String DAY = """
            SELECT l.id AS lock_id, l.first_day, l.last_day, l.reason,
                   (SELECT s.status FROM timekeeping.timesheet s
                     WHERE s.tenant_id = $1 AND s.employee_id = $2 AND s.week_start = $4) AS timesheet_status,
                   (SELECT coalesce(sum(d.duration_seconds), 0) FROM timekeeping.time_entry d
                     WHERE d.tenant_id = $1 AND d.employee_id = $2 AND d.work_date = $3 AND d.duration_seconds IS NOT NULL)
                       AS seconds_on_day,
                   o.id AS overlapped_id, o.started_at AS overlapped_start, o.ended_at AS overlapped_end,
                   x.id AS stored_id, x.employee_id, x.function_id, x.client_account_id, x.started_at, x.ended_at, x.zone,
                   x.work_date, x.duration_seconds, x.source, x.notes, x.review_reason, x.version
              FROM (SELECT 1) day
              LEFT JOIN LATERAL (
                    SELECT id, first_day, last_day, reason FROM timekeeping.period_lock
                     WHERE tenant_id = $1 AND first_day <= $3 AND last_day >= $3 ORDER BY id LIMIT 1) l ON true
              LEFT JOIN LATERAL (
                    SELECT id, started_at, ended_at FROM timekeeping.time_entry
                     WHERE $5::timestamptz IS NOT NULL AND tenant_id = $1 AND employee_id = $2 AND started_at IS NOT NULL
                       AND started_at < $6::timestamptz AND (ended_at IS NULL OR ended_at > $5::timestamptz)
                     ORDER BY started_at LIMIT 1) o ON true
              LEFT JOIN timekeeping.time_entry x ON x.tenant_id = $1 AND x.external_ref = $7::text""";

    private static final String INSERT = """
            INSERT INTO timekeeping.time_entry (tenant_id, employee_id, function_id, client_account_id, started_at,
                   ended_at, zone, work_date, duration_seconds, source, notes, external_ref, created_at, updated_at, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, 0)
            RETURNING id""";

    private final Pool pool;
    private final Caller caller;
    private final EmployeeScope scope;
    private final TimeRules rules;

    EntryCapture(Pool pool, Caller caller, EmployeeScope scope, TimeRules rules) {
        this.pool = pool;
        this.caller = caller;
        this.scope = scope;
        this.rules = rules;
    }

    /**
     * Records the entry, or answers the one already stored under its externalRef when the input is the very request
     * that stored it. A login's first capture links it to its employee record first.
     */
    Uni<TimeEntryService.Saved> record(TimeEntryService.EntryInput input, EntrySource source) {
        return pool.withTransaction(connection -> attempt(connection, input, source))
                .onItem().ifNull().switchTo(() -> scope.linkCaller()
                        .chain(() -> pool.withTransaction(connection -> attempt(connection, input, source))))
                .onItem().ifNull().failWith(() -> ApiException.conflict("login-link-changed",
                        "Your login's link to an employee record changed during the request; retry it"));
    }

    /** The entry recorded, or null when the caller's login has no employee record yet. */
    private Uni<TimeEntryService.Saved> attempt(SqlConnection connection, TimeEntryService.EntryInput input,
            EntrySource source) {
        String tenantId = caller.tenantId();
        return connection.preparedQuery(PARTIES)
                .execute(Tuple.of(tenantId, caller.subject(), scope.employeeToLock(input.employeeId()),
                        input.functionCode(), input.clientCode()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("tenant", tenantId);
                    }
                    Row row = rows.iterator().next();
                    Optional<EmployeeRef> employee = scope.timeChangeTarget(input.employeeId(), row.getLong("my_id"),
                            Boolean.TRUE.equals(row.getBoolean("my_record_active")), row.getLong("employee_id"),
                            row.getString("employee_zone"));
                    if (employee.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    TenantProfile tenant = new TenantProfile(tenantId, row.getString("name"), row.getString("time_zone"),
                            row.getString("currency"), DayOfWeek.valueOf(row.getString("week_start")), row.getLong("version"));
                    TimeRules.EntryTimes times = rules.interpret(input.time(), tenant, employee.get().timeZone());
                    Long functionId = CatalogService.functionForNewTime(row.getLong("function_id"),
                            row.getBoolean("function_retired"));
                    Long clientId = CatalogService.clientForNewTime(input.clientCode(), row.getLong("client_id"),
                            row.getBoolean("client_active"));
                    New entry = new New(tenantId, employee.get().id(), functionId, clientId, times, source, input);
                    return day(connection, tenant, entry);
                });
    }

    /** An entry about to be recorded: what was asked, resolved to ids and checked times. */
    private record New(String tenantId, long employeeId, Long functionId, Long clientId, TimeRules.EntryTimes times,
            EntrySource source, TimeEntryService.EntryInput input) {
    }

    private Uni<TimeEntryService.Saved> day(SqlConnection connection, TenantProfile tenant, New entry) {
        TimeRules.EntryTimes times = entry.times();
        LocalDate weekStart = tenant.workWeek().startOf(times.workDate());
        return connection.preparedQuery(DAY)
                .execute(Tuple.from(new Object[] {entry.tenantId(), entry.employeeId(), times.workDate(), weekStart,
                        utc(times.startedAt()), utc(times.endedAt()), entry.input().externalRef()}))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getLong("stored_id") != null) {
                        return Uni.createFrom().item(replayed(row, entry));
                    }
                    OpenPeriods.LockedPeriod lock = row.getLong("lock_id") == null ? null : new OpenPeriods.LockedPeriod(
                            row.getLong("lock_id"), row.getLocalDate("first_day"), row.getLocalDate("last_day"),
                            row.getString("reason"));
                    OpenPeriods.checkDayOpen(lock, row.getString("timesheet_status"), weekStart, times.workDate());
                    TimeRules.Recorded overlapped = row.getLong("overlapped_id") == null ? null : new TimeRules.Recorded(
                            row.getLong("overlapped_id"), instant(row, "overlapped_start"), instant(row, "overlapped_end"));
                    TimeRules.checkFits(times, row.getLong("seconds_on_day"), overlapped);
                    return insert(connection, entry);
                });
    }

    private Uni<TimeEntryService.Saved> insert(SqlConnection connection, New entry) {
        TimeRules.EntryTimes times = entry.times();
        TimeEntryService.EntryInput input = entry.input();
        Instant now = rules.now();
        return connection.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] {entry.tenantId(), entry.employeeId(), entry.functionId(),
                        entry.clientId(), utc(times.startedAt()), utc(times.endedAt()), times.zone(), times.workDate(),
                        times.durationSeconds(), entry.source().name(), input.notes(), input.externalRef(), utc(now)}))
                .map(rows -> new TimeEntryService.Saved(new TimeEntryView(rows.iterator().next().getLong("id"),
                        entry.employeeId(), input.functionCode(), input.clientCode(), times.startedAt(), times.endedAt(),
                        times.zone(), times.workDate(), times.durationSeconds() / 60.0, entry.source(), input.notes(),
                        input.externalRef(), null, 0), true));
    }

    /**
     * The entry stored under the input's externalRef, when the input is the very request that stored
     * it: the same employee, function, client, times and notes; anything else reusing the externalRef is a 409.
     */
    private static TimeEntryService.Saved replayed(Row row, New entry) {
        long id = row.getLong("stored_id");
        TimeRules.EntryTimes times = entry.times();
        Integer seconds = row.getInteger("duration_seconds");
        boolean same = row.getLong("employee_id") == entry.employeeId()
                && row.getLong("function_id").equals(entry.functionId())
                && Objects.equals(row.getLong("client_account_id"), entry.clientId())
                && Objects.equals(instant(row, "started_at"), times.startedAt())
                && Objects.equals(instant(row, "ended_at"), times.endedAt())
                && row.getLocalDate("work_date").equals(times.workDate())
                && Objects.equals(seconds, times.durationSeconds())
                && Objects.equals(row.getString("notes"), entry.input().notes());
        if (!same) {
            throw ApiException.externalRefReused(entry.input().externalRef(), id);
        }
        return new TimeEntryService.Saved(new TimeEntryView(id, entry.employeeId(), entry.input().functionCode(),
                entry.input().clientCode(), times.startedAt(), times.endedAt(), row.getString("zone"), times.workDate(),
                seconds / 60.0, EntrySource.valueOf(row.getString("source")), row.getString("notes"),
                entry.input().externalRef(), row.getString("review_reason"), row.getLong("version")), false);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
