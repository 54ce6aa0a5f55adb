package dev.backlight.time.entries;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.problem.FieldChecks;
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
 * Captures time in plain SQL on the reactive client, a few statements per transaction: who and what (the tenant, the
 * caller's own record, the employee the time is for, locked until the transaction ends, the function and the client),
 * then the day (its locked period, the week's timesheet, the time it holds, an entry the new one overlaps, the running
 * timer, an entry already stored under the externalRef), then the writes. Captures come in bursts at shift start:
 * through the entities the same work took ten or more statements and most of the service's processor time. Each
 * feature's rule is applied by its own public service to what was read; the tables are read here, each statement
 * naming the tenant (the entities' tenant filter does not reach plain SQL).
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
     * Whether a day is open to the employee's time: the locked period it falls in and the status of the week's
     * timesheet ($1 tenant, $2 employee, $3 day, $4 the week's first day).
     */
    private static final String DAY_STATE = """
            l.id AS lock_id, l.first_day, l.last_day, l.reason,
                   (SELECT s.status FROM timekeeping.timesheet s
                     WHERE s.tenant_id = $1 AND s.employee_id = $2 AND s.week_start = $4) AS timesheet_status""";

    private static final String LOCKED_PERIOD = """
            LEFT JOIN LATERAL (
                    SELECT id, first_day, last_day, reason FROM timekeeping.period_lock
                     WHERE tenant_id = $1 AND first_day <= $3 AND last_day >= $3 ORDER BY id LIMIT 1) l ON true""";

    /**
     * Read after the employee's lock is held, so in READ COMMITTED its snapshot holds every change committed to that
     * employee's time before. A manual entry ($5 null) overlaps nothing; finished entries are searched on the days
     * $8 to $9 only ({@link TimeRules#firstDayOverlapping}), the running timer apart.
     */
    private static final String DAY = "SELECT " + DAY_STATE + """
            ,
                   (SELECT coalesce(sum(d.duration_seconds), 0) FROM timekeeping.time_entry d
                     WHERE d.tenant_id = $1 AND d.employee_id = $2 AND d.work_date = $3 AND d.duration_seconds IS NOT NULL)
                       AS seconds_on_day,
                   o.id AS overlapped_id, o.started_at AS overlapped_start, o.ended_at AS overlapped_end,
                   x.id AS stored_id, x.employee_id, x.function_id, x.client_account_id, x.started_at, x.ended_at, x.zone,
                   x.work_date, x.duration_seconds, x.source, x.notes, x.review_reason, x.version
              FROM (SELECT 1) day
            """ + LOCKED_PERIOD + """

              LEFT JOIN LATERAL (
                    SELECT id, started_at, ended_at FROM timekeeping.time_entry
                     WHERE tenant_id = $1 AND employee_id = $2 AND work_date BETWEEN $8 AND $9
                       AND started_at < $6::timestamptz AND ended_at > $5::timestamptz
                    UNION ALL
                    SELECT id, started_at, ended_at FROM timekeeping.time_entry
                     WHERE tenant_id = $1 AND employee_id = $2 AND started_at IS NOT NULL AND ended_at IS NULL
                       AND started_at < $6::timestamptz
                     ORDER BY started_at LIMIT 1) o ON $5::timestamptz IS NOT NULL
              LEFT JOIN timekeeping.time_entry x ON x.tenant_id = $1 AND x.external_ref = $7::text""";

    private static final String INSERT = """
            INSERT INTO timekeeping.time_entry (tenant_id, employee_id, function_id, client_account_id, started_at,
                   ended_at, zone, work_date, duration_seconds, source, notes, external_ref, created_at, updated_at, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, 0)
            RETURNING id""";

    /** The employee's running timer with what its view shows. */
    private static final String RUNNING = """
            SELECT e.id AS running_id, e.started_at AS running_start, e.zone AS running_zone,
                   e.work_date AS running_day, e.source AS running_source, e.notes AS running_notes,
                   e.external_ref AS running_ref, e.review_reason AS running_review, e.version AS running_version,
                   f.code AS running_function, c.code AS running_client
              FROM timekeeping.time_entry e
              JOIN timekeeping.work_function f ON f.id = e.function_id
              LEFT JOIN timekeeping.client_account c ON c.id = e.client_account_id
             WHERE e.tenant_id = $1 AND e.employee_id = $2 AND e.started_at IS NOT NULL AND e.ended_at IS NULL""";

    /**
     * The day a timer starts on, read after the employee's lock is held: its locked period, the week's timesheet, the
     * running timer (stopped at the new one's start) and a finished entry that [start, ∞) would overlap, searched from
     * the day $6 on ({@link TimeRules#firstDayOverlapping}).
     */
    private static final String TIMER_DAY = "SELECT " + DAY_STATE + """
            ,
                   r.*, o.id AS overlapped_id, o.started_at AS overlapped_start, o.ended_at AS overlapped_end
              FROM (SELECT 1) day
            """ + LOCKED_PERIOD + """

              LEFT JOIN LATERAL (""" + RUNNING + """
            ) r ON true
              LEFT JOIN LATERAL (
                    SELECT id, started_at, ended_at FROM timekeeping.time_entry
                     WHERE tenant_id = $1 AND employee_id = $2 AND work_date >= $6 AND ended_at > $5
                     ORDER BY started_at LIMIT 1) o ON true""";

    /** Ends a running timer, unless it changed since it was read. */
    private static final String CLOSE = """
            UPDATE timekeeping.time_entry
               SET ended_at = $4, duration_seconds = $5, updated_at = $6, review_reason = coalesce($7, review_reason),
                   version = version + 1
             WHERE tenant_id = $1 AND id = $2 AND version = $3
            RETURNING version""";

    /** Deletes a timer that ran less than a second, unless it changed since it was read. */
    private static final String DISCARD = """
            DELETE FROM timekeeping.time_entry WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING id""";

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
     * that stored it.
     */
    Uni<TimeEntryService.Saved> record(TimeEntryService.EntryInput input, EntrySource source) {
        return asEmployee(connection -> parties(connection, input.employeeId(), input.functionCode(), input.clientCode())
                .chain(parties -> {
                    TimeRules.EntryTimes times = rules.interpret(input.time(), parties.tenant(), parties.employee().timeZone());
                    New entry = new New(parties.tenant().id(), parties.employee().id(), parties.functionId(),
                            input.functionCode(), parties.clientId(input.clientCode()), input.clientCode(), times, source,
                            input.notes(), input.externalRef());
                    return day(connection, parties.tenant(), entry);
                }));
    }

    /**
     * Starts a timer at the current instant, stopping the employee's running one at the same instant so that the two
     * entries meet exactly ([start, end) intervals); 409 when the start falls inside other time or a closed day.
     */
    Uni<EntryLedger.TimerStart> startTimer(EntryLedger.TimerRequest request) {
        return asEmployee(connection -> parties(connection, request.employeeId(), request.functionCode(),
                request.clientCode()).chain(parties -> {
                    // Read the clock only once the employee's lock is held, so timers follow the order they were granted in.
                    Instant now = rules.now();
                    String zone = request.zone() == null ? parties.employee().timeZone() : request.zone();
                    FieldChecks.zone("zone", zone);
                    LocalDate day = parties.tenant().workDate(now);
                    LocalDate weekStart = parties.tenant().workWeek().startOf(day);
                    New timer = new New(parties.tenant().id(), parties.employee().id(), parties.functionId(),
                            request.functionCode(), parties.clientId(request.clientCode()), request.clientCode(),
                            new TimeRules.EntryTimes(now, null, zone, day, 0), EntrySource.TIMER, request.notes(), null);
                    return connection.preparedQuery(TIMER_DAY)
                            .execute(Tuple.of(timer.tenantId(), timer.employeeId(), day, weekStart, utc(now),
                                TimeRules.firstDayOverlapping(now)))
                            .chain(rows -> {
                                Row row = rows.iterator().next();
                                OpenPeriods.checkDayOpen(lockedPeriod(row), row.getString("timesheet_status"), weekStart, day);
                                Uni<TimeEntryView> stopped = row.getLong("running_id") == null ? Uni.createFrom().nullItem()
                                        : close(connection, timer.tenantId(), timer.employeeId(), row, now);
                                return stopped.invoke(() -> TimeRules.checkNoOverlap(overlapped(row)))
                                        .chain(stoppedView -> insert(connection, timer, now)
                                                .map(started -> new EntryLedger.TimerStart(started, stoppedView)));
                            });
                }));
    }

    /** Stops the employee's running timer now; null when it ran less than a second; 409 when none runs. */
    Uni<TimeEntryView> stopTimer(Long employeeId) {
        return asEmployee(connection -> parties(connection, employeeId, null, null).chain(parties -> connection
                .preparedQuery(RUNNING).execute(Tuple.of(parties.tenant().id(), parties.employee().id()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.conflict("no-timer", "No timer is running for employee "
                                + parties.employee().id(), "employeeId", parties.employee().id());
                    }
                    return close(connection, parties.tenant().id(), parties.employee().id(), rows.iterator().next(),
                            rules.now());
                })));
    }

    /**
     * Ends a running timer at {@code now}, or at the 24 h mark with a review flag when it ran longer. A timer stopped
     * within its first second recorded nothing and is deleted (null).
     */
    private Uni<TimeEntryView> close(SqlConnection connection, String tenantId, long employeeId, Row running, Instant now) {
        long id = running.getLong("running_id");
        long version = running.getLong("running_version");
        Instant start = instant(running, "running_start");
        Instant limit = start.plus(TimeRules.MAX_ENTRY);
        Instant end = now.isAfter(limit) ? limit : now;
        if (!end.isAfter(start)) {
            return connection.preparedQuery(DISCARD).execute(Tuple.of(tenantId, id, version))
                    .invoke(rows -> changed(rows.size(), id)).replaceWith(Uni.createFrom().nullItem());
        }
        int seconds = (int) Duration.between(start, end).getSeconds();
        String review = now.isAfter(limit) ? TimeEntry.TIMER_OVER_LIMIT : null;
        return connection.preparedQuery(CLOSE)
                .execute(Tuple.from(new Object[] {tenantId, id, version, utc(end), seconds, utc(now), review}))
                .map(rows -> {
                    changed(rows.size(), id);
                    return new TimeEntryView(id, employeeId, running.getString("running_function"),
                            running.getString("running_client"), start, end, running.getString("running_zone"),
                            running.getLocalDate("running_day"), seconds / 60.0,
                            EntrySource.valueOf(running.getString("running_source")), running.getString("running_notes"),
                            running.getString("running_ref"), review == null ? running.getString("running_review") : review,
                            rows.iterator().next().getLong("version"));
                });
    }

    /** The running timer changed since it was read: a sweep closed it (every capture holds the employee's lock). */
    private static void changed(int rows, long id) {
        if (rows == 0) {
            throw ApiException.conflict("concurrent-change", "Entry " + id + " changed while the timer was stopped; retry",
                    "entryId", id);
        }
    }

    /** What the first statement read: the tenant, the employee the time is for (locked), the function and the client. */
    private record Parties(TenantProfile tenant, EmployeeRef employee, Row row) {

        Long functionId() {
            return CatalogService.functionForNewTime(row.getLong("function_id"), row.getBoolean("function_retired"));
        }

        Long clientId(String code) {
            return CatalogService.clientForNewTime(code, row.getLong("client_id"), row.getBoolean("client_active"));
        }
    }

    private Uni<Parties> parties(SqlConnection connection, Long requested, String functionCode, String clientCode) {
        String tenantId = caller.tenantId();
        return connection.preparedQuery(PARTIES)
                .execute(Tuple.of(tenantId, caller.subject(), scope.employeeToLock(requested), functionCode, clientCode))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("tenant", tenantId);
                    }
                    Row row = rows.iterator().next();
                    EmployeeRef employee = scope.timeChangeTarget(requested, row.getLong("my_id"),
                            Boolean.TRUE.equals(row.getBoolean("my_record_active")), row.getLong("employee_id"),
                            row.getString("employee_zone")).orElseThrow(NotLinkedYet::new);
                    TenantProfile tenant = new TenantProfile(tenantId, row.getString("name"), row.getString("time_zone"),
                            row.getString("currency"), DayOfWeek.valueOf(row.getString("week_start")), row.getLong("version"));
                    return new Parties(tenant, employee, row);
                });
    }

    /**
     * Runs the work in a transaction; when the caller's login has no employee record yet, links it first (in a
     * transaction of its own, a 403 when nothing matches) and runs the work again.
     */
    private <T> Uni<T> asEmployee(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work).onFailure(NotLinkedYet.class).recoverWithUni(() -> scope.linkCaller()
                .chain(() -> pool.withTransaction(work))
                .onFailure(NotLinkedYet.class).transform(e -> ApiException.conflict("login-link-changed",
                        "Your login's link to an employee record changed during the request; retry it")));
    }

    /** The caller's login has no employee record yet. */
    private static final class NotLinkedYet extends RuntimeException {
        NotLinkedYet() {
            super(null, null, false, false);
        }
    }

    /** An entry about to be recorded: what was asked, with ids for its codes and checked times. */
    private record New(String tenantId, long employeeId, Long functionId, String functionCode, Long clientId,
            String clientCode, TimeRules.EntryTimes times, EntrySource source, String notes, String externalRef) {
    }

    private Uni<TimeEntryService.Saved> day(SqlConnection connection, TenantProfile tenant, New entry) {
        TimeRules.EntryTimes times = entry.times();
        LocalDate weekStart = tenant.workWeek().startOf(times.workDate());
        return connection.preparedQuery(DAY)
                .execute(Tuple.from(new Object[] {entry.tenantId(), entry.employeeId(), times.workDate(), weekStart,
                        utc(times.startedAt()), utc(times.endedAt()), entry.externalRef(),
                        times.startedAt() == null ? null : TimeRules.firstDayOverlapping(times.startedAt()),
                        times.endedAt() == null ? null : TimeRules.lastDayOverlapping(times.endedAt())}))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getLong("stored_id") != null) {
                        return Uni.createFrom().item(replayed(row, entry));
                    }
                    OpenPeriods.checkDayOpen(lockedPeriod(row), row.getString("timesheet_status"), weekStart,
                            times.workDate());
                    TimeRules.checkFits(times, row.getLong("seconds_on_day"), overlapped(row));
                    return insert(connection, entry, rules.now()).map(view -> new TimeEntryService.Saved(view, true));
                });
    }

    private static Uni<TimeEntryView> insert(SqlConnection connection, New entry, Instant now) {
        TimeRules.EntryTimes times = entry.times();
        Integer seconds = times.endedAt() == null && times.startedAt() != null ? null : times.durationSeconds();
        return connection.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] {entry.tenantId(), entry.employeeId(), entry.functionId(),
                        entry.clientId(), utc(times.startedAt()), utc(times.endedAt()), times.zone(), times.workDate(),
                        seconds, entry.source().name(), entry.notes(), entry.externalRef(), utc(now)}))
                .map(rows -> new TimeEntryView(rows.iterator().next().getLong("id"), entry.employeeId(),
                        entry.functionCode(), entry.clientCode(), times.startedAt(), times.endedAt(), times.zone(),
                        times.workDate(), seconds == null ? null : seconds / 60.0, entry.source(), entry.notes(),
                        entry.externalRef(), null, 0));
    }

    private static OpenPeriods.LockedPeriod lockedPeriod(Row row) {
        return row.getLong("lock_id") == null ? null : new OpenPeriods.LockedPeriod(row.getLong("lock_id"),
                row.getLocalDate("first_day"), row.getLocalDate("last_day"), row.getString("reason"));
    }

    private static TimeRules.Recorded overlapped(Row row) {
        return row.getLong("overlapped_id") == null ? null : new TimeRules.Recorded(row.getLong("overlapped_id"),
                instant(row, "overlapped_start"), instant(row, "overlapped_end"));
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
                && Objects.equals(row.getString("notes"), entry.notes());
        if (!same) {
            throw ApiException.externalRefReused(entry.externalRef(), id);
        }
        return new TimeEntryService.Saved(new TimeEntryView(id, entry.employeeId(), entry.functionCode(),
                entry.clientCode(), times.startedAt(), times.endedAt(), row.getString("zone"), times.workDate(),
                seconds / 60.0, EntrySource.valueOf(row.getString("source")), row.getString("notes"),
                entry.externalRef(), row.getString("review_reason"), row.getLong("version")), false);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
