package dev.backlight.time.entries;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.problem.FieldChecks;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.time.directory.CatalogService;
import dev.backlight.time.directory.EmployeeRef;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.entries.GroupCommit.Done;
import dev.backlight.time.entries.GroupCommit.Outcome;
import dev.backlight.time.entries.GroupCommit.Refused;
import dev.backlight.time.tenants.TenantProfile;
import dev.backlight.time.timesheets.OpenPeriods;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Captures time in plain SQL on the reactive client, for several captures at once ({@link GroupCommit}) in a few
 * set-wise statements per transaction: who and what (the tenant, the caller's own record, the employees the time is
 * for, locked until the transaction ends, the function and the client), then the days (locked period, the week's
 * timesheet, the time each holds, an entry a new one overlaps, the running timer, an entry already stored under the
 * externalRef), then the writes. Captures come in bursts at shift start: through the entities one capture took ten or
 * more statements and most of the service's processor time. Each feature's rule is applied by its own public service
 * to what was read; the tables are read here, each statement naming the tenant (the entities' tenant filter does not
 * reach plain SQL).
 */
@ApplicationScoped
class EntryCapture {

    /**
     * Who and what, for several captures at once ($1 their numbers, then per capture: tenant, the caller's subject, the
     * employee named or null for the caller's own record, function and client codes). The employees are locked first,
     * in id order so that two writers never wait on each other in a circle; what is read besides (tenant, function,
     * client) does not depend on the employees' time, so reading it in the same snapshot loses nothing.
     */
    private static final String PARTIES = """
            WITH asked AS (
                SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])
                    AS a(n, tenant_id, subject, named, function_code, client_code)
            ), me AS (
                SELECT a.n, e.id, e.active FROM asked a
                  JOIN timekeeping.employee e ON e.tenant_id = a.tenant_id AND e.subject = a.subject
            ), employee AS (
                SELECT e.id, e.tenant_id, e.time_zone FROM timekeeping.employee e
                 WHERE (e.tenant_id, e.id) IN (SELECT a.tenant_id, coalesce(a.named, me.id) FROM asked a
                                                 LEFT JOIN me ON me.n = a.n)
                 ORDER BY e.id
                   FOR UPDATE
            )
            SELECT a.n, t.name, t.time_zone, t.currency, t.week_start, t.version,
                   me.id AS my_id, me.active AS my_record_active, e.id AS employee_id, e.time_zone AS employee_zone,
                   f.id AS function_id, f.retired_at IS NOT NULL AS function_retired,
                   c.id AS client_id, coalesce(c.active, false) AS client_active
              FROM asked a
              JOIN timekeeping.tenant t ON t.id = a.tenant_id
              LEFT JOIN me ON me.n = a.n
              LEFT JOIN employee e ON e.tenant_id = a.tenant_id AND e.id = coalesce(a.named, me.id)
              LEFT JOIN timekeeping.work_function f ON f.tenant_id = a.tenant_id AND f.code = a.function_code
              LEFT JOIN timekeeping.client_account c ON c.tenant_id = a.tenant_id AND c.code = a.client_code""";

    /**
     * Whether a day is open to the employee's time: the locked period it falls in and the status of the week's
     * timesheet (for a row {@code a} with tenant_id, employee_id, day and week_start).
     */
    private static final String DAY_STATE = """
            l.id AS lock_id, l.first_day, l.last_day, l.reason,
                   (SELECT s.status FROM timekeeping.timesheet s
                     WHERE s.tenant_id = a.tenant_id AND s.employee_id = a.employee_id AND s.week_start = a.week_start)
                       AS timesheet_status""";

    private static final String LOCKED_PERIOD = """
            LEFT JOIN LATERAL (
                    SELECT id, first_day, last_day, reason FROM timekeeping.period_lock
                     WHERE tenant_id = a.tenant_id AND first_day <= a.day AND last_day >= a.day ORDER BY id LIMIT 1) l ON true""";

    /**
     * The day of each new entry, read after the employees' locks are held, so in READ COMMITTED its snapshot holds
     * every change committed to their time before. A manual entry (no start) overlaps nothing; finished entries are
     * searched on the days {@link TimeRules#firstDayOverlapping} allows only, the running timer apart.
     */
    private static final String DAY = "SELECT a.n, " + DAY_STATE + """
            ,
                   (SELECT coalesce(sum(d.duration_seconds), 0) FROM timekeeping.time_entry d
                     WHERE d.tenant_id = a.tenant_id AND d.employee_id = a.employee_id AND d.work_date = a.day
                       AND d.duration_seconds IS NOT NULL) AS seconds_on_day,
                   o.id AS overlapped_id, o.started_at AS overlapped_start, o.ended_at AS overlapped_end,
                   x.id AS stored_id, x.employee_id, x.function_id, x.client_account_id, x.started_at, x.ended_at, x.zone,
                   x.work_date, x.duration_seconds, x.source, x.notes, x.review_reason, x.version
              FROM unnest($1::int[], $2::text[], $3::bigint[], $4::date[], $5::date[], $6::timestamptz[],
                          $7::timestamptz[], $8::text[], $9::date[], $10::date[])
                   AS a(n, tenant_id, employee_id, day, week_start, starts, ends, external_ref, first_day, last_day)
            """ + LOCKED_PERIOD + """

              LEFT JOIN LATERAL (
                    SELECT id, started_at, ended_at FROM timekeeping.time_entry
                     WHERE tenant_id = a.tenant_id AND employee_id = a.employee_id
                       AND work_date BETWEEN a.first_day AND a.last_day AND started_at < a.ends AND ended_at > a.starts
                    UNION ALL
                    SELECT id, started_at, ended_at FROM timekeeping.time_entry
                     WHERE tenant_id = a.tenant_id AND employee_id = a.employee_id AND started_at IS NOT NULL
                       AND ended_at IS NULL AND started_at < a.ends
                     ORDER BY started_at LIMIT 1) o ON a.starts IS NOT NULL
              LEFT JOIN timekeeping.time_entry x ON x.tenant_id = a.tenant_id AND x.external_ref = a.external_ref""";

    /** Several new entries in one statement; the answer pairs each id with its employee (one entry each). */
    private static final String INSERT = """
            INSERT INTO timekeeping.time_entry (tenant_id, employee_id, function_id, client_account_id, started_at,
                   ended_at, zone, work_date, duration_seconds, source, notes, external_ref, created_at, updated_at, version)
            SELECT tenant_id, employee_id, function_id, client_account_id, started_at, ended_at, zone, work_date,
                   duration_seconds, source, notes, external_ref, $13, $13, 0
              FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::timestamptz[], $6::timestamptz[],
                          $7::text[], $8::date[], $9::int[], $10::text[], $11::text[], $12::text[])
                   AS v(tenant_id, employee_id, function_id, client_account_id, started_at, ended_at, zone, work_date,
                        duration_seconds, source, notes, external_ref)
            RETURNING id, employee_id""";

    /**
     * The running timer of employee {@code a.employee_id} with what its view shows. The unique index allows one; the
     * limit keeps the lookup per employee: without it the planner may join every running timer of the database and
     * filter them, a plan whose cost grows with how many run (found at 1,500).
     */
    private static final String RUNNING = """
            SELECT e.id AS running_id, e.started_at AS running_start, e.zone AS running_zone,
                   e.work_date AS running_day, e.source AS running_source, e.notes AS running_notes,
                   e.external_ref AS running_ref, e.review_reason AS running_review, e.version AS running_version,
                   f.code AS running_function, c.code AS running_client
              FROM timekeeping.time_entry e
              JOIN timekeeping.work_function f ON f.id = e.function_id
              LEFT JOIN timekeeping.client_account c ON c.id = e.client_account_id
             WHERE e.tenant_id = a.tenant_id AND e.employee_id = a.employee_id AND e.started_at IS NOT NULL
               AND e.ended_at IS NULL
             LIMIT 1""";

    private static final String RUNNING_TIMERS = "SELECT a.n, r.* FROM unnest($1::int[], $2::text[], $3::bigint[])"
            + " AS a(n, tenant_id, employee_id) JOIN LATERAL (" + RUNNING + ") r ON true";

    /**
     * The days timers start on, read after the employees' locks are held: the locked period, the week's timesheet,
     * the running timer (stopped at the new one's start) and a finished entry that [start, ∞) would overlap, searched
     * from the day {@link TimeRules#firstDayOverlapping} allows.
     */
    private static final String TIMER_DAY = "SELECT a.n, " + DAY_STATE + """
            ,
                   r.*, o.id AS overlapped_id, o.started_at AS overlapped_start, o.ended_at AS overlapped_end
              FROM unnest($1::int[], $2::text[], $3::bigint[], $4::date[], $5::date[], $6::timestamptz[], $7::date[])
                   AS a(n, tenant_id, employee_id, day, week_start, starts, first_day)
            """ + LOCKED_PERIOD + """

              LEFT JOIN LATERAL (""" + RUNNING + """
            ) r ON true
              LEFT JOIN LATERAL (
                    SELECT id, started_at, ended_at FROM timekeeping.time_entry
                     WHERE tenant_id = a.tenant_id AND employee_id = a.employee_id AND work_date >= a.first_day
                       AND ended_at > a.starts
                     ORDER BY started_at LIMIT 1) o ON true""";

    /** Ends running timers, each unless it changed since it was read ($7: when). */
    private static final String CLOSE = """
            UPDATE timekeeping.time_entry t
               SET ended_at = v.ended_at, duration_seconds = v.duration_seconds, updated_at = $7,
                   review_reason = coalesce(v.review_reason, t.review_reason), version = t.version + 1
              FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::timestamptz[], $5::int[], $6::text[])
                   AS v(tenant_id, id, version, ended_at, duration_seconds, review_reason)
             WHERE t.tenant_id = v.tenant_id AND t.id = v.id AND t.version = v.version
            RETURNING t.id, t.version""";

    /** Deletes timers that ran less than a second, each unless it changed since it was read. */
    private static final String DISCARD = """
            DELETE FROM timekeeping.time_entry t
             USING unnest($1::text[], $2::bigint[], $3::bigint[]) AS v(tenant_id, id, version)
             WHERE t.tenant_id = v.tenant_id AND t.id = v.id AND t.version = v.version
            RETURNING t.id""";

    private final Caller caller;
    private final EmployeeScope scope;
    private final TimeRules rules;

    EntryCapture(Caller caller, EmployeeScope scope, TimeRules rules) {
        this.caller = caller;
        this.scope = scope;
        this.rules = rules;
    }

    /** Who asks for time to change and on what, read while the request is in scope. */
    record Ask(String tenantId, String subject, Long requested, Long employeeToLock, String functionCode,
            String clientCode) {
    }

    /** A new entry as asked. */
    record Capture(Ask ask, TimeEntryService.EntryInput input, EntrySource source) {
    }

    /** A timer start as asked. */
    record TimerAsk(Ask ask, String notes, String zone) {
    }

    /** The caller's ask for an employee's time (null: the caller's own) on a function and client. */
    Ask ask(Long requested, String functionCode, String clientCode) {
        return new Ask(caller.tenantId(), caller.subject(), requested, scope.employeeToLock(requested), functionCode,
                clientCode);
    }

    /** The caller's start of a timer. */
    TimerAsk timerAsk(EntryLedger.TimerRequest request) {
        return new TimerAsk(ask(request.employeeId(), request.functionCode(), request.clientCode()), request.notes(),
                request.zone());
    }

    /** The caller's capture of an entry. */
    Capture capture(TimeEntryService.EntryInput input, EntrySource source) {
        return new Capture(ask(input.employeeId(), input.functionCode(), input.clientCode()), input, source);
    }

    /**
     * Records several captures in the connection's transaction, in three statements whatever their number: their
     * parties (employees locked), their days, the inserts. Each capture is checked on its own; one refused leaves the
     * others be. The outcomes are in the captures' order.
     */
    Uni<List<Outcome<TimeEntryService.Saved>>> recordAll(SqlConnection connection, List<Capture> captures) {
        @SuppressWarnings("unchecked")
        Outcome<TimeEntryService.Saved>[] outcomes = new Outcome[captures.size()];
        return checked(connection, captures.stream().map(Capture::ask).toList(), outcomes, () -> (Check<New>) (n, found) -> {
            Capture capture = captures.get(n);
            TimeEntryService.EntryInput input = capture.input();
            TimeRules.EntryTimes times = rules.interpret(input.time(), found.tenant(), found.employee().timeZone());
            return new New(n, found.tenant(), found.employee().id(), found.functionId(), input.functionCode(),
                    found.clientId(input.clientCode()), input.clientCode(), times, capture.source(), input.notes(),
                    input.externalRef());
        }).chain(checked -> days(connection, checked, outcomes)).replaceWith(() -> List.of(outcomes));
    }

    /** Makes the {@code n}-th ask, with its parties, what to write; throws when a rule refuses it. */
    private interface Check<T> {
        T apply(int n, Parties found);
    }

    /**
     * Reads the asks' parties, locking their employees, then makes each an entry to write with the check the supplier
     * gives once the locks are held; an ask for an employee an earlier one already has is deferred, a refused one
     * gets its outcome.
     */
    private <T, R> Uni<List<T>> checked(SqlConnection connection, List<Ask> asks, Outcome<R>[] outcomes,
            Supplier<Check<T>> check) {
        return parties(connection, asks).map(parties -> {
            Check<T> toWrite = check.get();
            List<T> checked = new ArrayList<>();
            Set<Long> employees = new HashSet<>();
            for (int n = 0; n < asks.size(); n++) {
                try {
                    Parties found = parties.get(n).get();
                    if (!employees.add(found.employee().id())) {
                        outcomes[n] = GroupCommit.deferred();
                        continue;
                    }
                    checked.add(toWrite.apply(n, found));
                } catch (RuntimeException refused) {
                    outcomes[n] = new Refused<>(refused);
                }
            }
            return checked;
        });
    }

    /** Reads the days of the checked entries, checks them and inserts those that fit. */
    private Uni<Void> days(SqlConnection connection, List<New> entries, Outcome<TimeEntryService.Saved>[] outcomes) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Columns day = new Columns(entries.size(), Integer.class, String.class, Long.class, LocalDate.class,
                LocalDate.class, OffsetDateTime.class, OffsetDateTime.class, String.class, LocalDate.class, LocalDate.class);
        for (New entry : entries) {
            TimeRules.EntryTimes times = entry.times();
            day.add(entry.n(), entry.tenant().id(), entry.employeeId(), times.workDate(), entry.weekStart(),
                    utc(times.startedAt()), utc(times.endedAt()), entry.externalRef(),
                    times.startedAt() == null ? null : TimeRules.firstDayOverlapping(times.startedAt()),
                    times.endedAt() == null ? null : TimeRules.lastDayOverlapping(times.endedAt()));
        }
        return byNumber(connection, DAY, day).chain(byNumber -> {
            List<New> fitting = new ArrayList<>();
            for (New entry : entries) {
                Row row = byNumber.get(entry.n());
                try {
                    if (row.getLong("stored_id") != null) {
                        outcomes[entry.n()] = new Done<>(replayed(row, entry));
                        continue;
                    }
                    OpenPeriods.checkDayOpen(lockedPeriod(row), row.getString("timesheet_status"),
                            entry.weekStart(), entry.times().workDate());
                    TimeRules.checkFits(entry.times(), row.getLong("seconds_on_day"), overlapped(row));
                    fitting.add(entry);
                } catch (RuntimeException refused) {
                    outcomes[entry.n()] = new Refused<>(refused);
                }
            }
            return insert(connection, fitting, rules.now()).invoke(views -> {
                for (int i = 0; i < fitting.size(); i++) {
                    outcomes[fitting.get(i).n()] = new Done<>(new TimeEntryService.Saved(views.get(i), true));
                }
            }).replaceWithVoid();
        });
    }

    /**
     * Starts several timers in the connection's transaction, each at the current instant, stopping each employee's
     * running timer at the same instant so that the two entries meet exactly ([start, end) intervals); a start inside
     * other time or on a closed day is refused. The outcomes are in the asks' order.
     */
    Uni<List<Outcome<EntryLedger.TimerStart>>> startAll(SqlConnection connection, List<TimerAsk> asks) {
        @SuppressWarnings("unchecked")
        Outcome<EntryLedger.TimerStart>[] outcomes = new Outcome[asks.size()];
        return checked(connection, asks.stream().map(TimerAsk::ask).toList(), outcomes, () -> {
            // Read the clock only once the employees' locks are held, so timers follow the order they were granted in.
            Instant now = rules.now();
            return (Check<New>) (n, found) -> {
                TimerAsk asked = asks.get(n);
                String zone = asked.zone() == null ? found.employee().timeZone() : asked.zone();
                FieldChecks.zone("zone", zone);
                return new New(n, found.tenant(), found.employee().id(), found.functionId(), asked.ask().functionCode(),
                        found.clientId(asked.ask().clientCode()), asked.ask().clientCode(),
                        new TimeRules.EntryTimes(now, null, zone, found.tenant().workDate(now), 0), EntrySource.TIMER,
                        asked.notes(), null);
            };
        }).chain(timers -> start(connection, timers, outcomes)).replaceWith(() -> List.of(outcomes));
    }

    /** Reads the timers' days, checks them, stops the running timers of those that may start and inserts them. */
    private Uni<Void> start(SqlConnection connection, List<New> timers, Outcome<EntryLedger.TimerStart>[] outcomes) {
        if (timers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = timers.get(0).times().startedAt(); // they all start at the same instant
        Columns day = new Columns(timers.size(), Integer.class, String.class, Long.class, LocalDate.class,
                LocalDate.class, OffsetDateTime.class, LocalDate.class);
        for (New timer : timers) {
            day.add(timer.n(), timer.tenant().id(), timer.employeeId(), timer.times().workDate(), timer.weekStart(),
                    utc(now), TimeRules.firstDayOverlapping(now));
        }
        return byNumber(connection, TIMER_DAY, day).chain(byNumber -> {
            List<New> starting = new ArrayList<>();
            List<Closing> closings = new ArrayList<>();
            for (New timer : timers) {
                Row row = byNumber.get(timer.n());
                try {
                    OpenPeriods.checkDayOpen(lockedPeriod(row), row.getString("timesheet_status"),
                            timer.weekStart(), timer.times().workDate());
                    TimeRules.checkNoOverlap(overlapped(row));
                } catch (RuntimeException refused) {
                    outcomes[timer.n()] = new Refused<>(refused);
                    continue;
                }
                starting.add(timer);
                if (row.getLong("running_id") != null) {
                    closings.add(Closing.of(timer.tenant().id(), timer.employeeId(), row, now));
                }
            }
            return close(connection, closings, now).chain(stopped -> insert(connection, starting, now)
                    .invoke(started -> {
                        for (int i = 0; i < starting.size(); i++) {
                            New timer = starting.get(i);
                            outcomes[timer.n()] = new Done<>(new EntryLedger.TimerStart(started.get(i),
                                    stopped.get(timer.employeeId())));
                        }
                    }));
        }).replaceWithVoid();
    }

    /** A timer to stop: the {@code n}-th ask's employee, now. */
    private record Stop(int n, String tenantId, long employeeId, Instant now) {
    }

    /**
     * Stops several employees' running timers now, each ended or (when it ran less than a second) deleted, null for
     * those; one whose employee runs no timer is refused (409). The outcomes are in the asks' order.
     */
    Uni<List<Outcome<TimeEntryView>>> stopAll(SqlConnection connection, List<Ask> asks) {
        @SuppressWarnings("unchecked")
        Outcome<TimeEntryView>[] outcomes = new Outcome[asks.size()];
        return checked(connection, asks, outcomes, () -> {
            Instant now = rules.now();
            return (Check<Stop>) (n, found) -> new Stop(n, found.tenant().id(), found.employee().id(), now);
        }).chain(stops -> stop(connection, stops, outcomes)).replaceWith(() -> List.of(outcomes));
    }

    private static Uni<Void> stop(SqlConnection connection, List<Stop> stops, Outcome<TimeEntryView>[] outcomes) {
        if (stops.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Columns running = new Columns(stops.size(), Integer.class, String.class, Long.class);
        stops.forEach(stop -> running.add(stop.n(), stop.tenantId(), stop.employeeId()));
        return byNumber(connection, RUNNING_TIMERS, running).chain(byNumber -> {
            List<Stop> stopping = new ArrayList<>();
            List<Closing> closings = new ArrayList<>();
            for (Stop stop : stops) {
                Row row = byNumber.get(stop.n());
                if (row == null) {
                    outcomes[stop.n()] = new Refused<>(ApiException.conflict("no-timer",
                            "No timer is running for employee " + stop.employeeId(), "employeeId", stop.employeeId()));
                } else {
                    stopping.add(stop);
                    closings.add(Closing.of(stop.tenantId(), stop.employeeId(), row, stop.now()));
                }
            }
            return close(connection, closings, stops.get(0).now()).invoke(stopped -> stopping.forEach(
                    stop -> outcomes[stop.n()] = new Done<>(stopped.get(stop.employeeId()))));
        }).replaceWithVoid();
    }

    /**
     * How a running timer ends: at {@code now}, or at the 24 h mark with a review flag when it ran longer; a timer
     * stopped within its first second recorded nothing and is deleted.
     */
    private record Closing(String tenantId, long employeeId, Row running, Instant start, Instant end, String review) {

        static Closing of(String tenantId, long employeeId, Row running, Instant now) {
            Instant start = instant(running, "running_start");
            Instant limit = start.plus(TimeRules.MAX_ENTRY);
            return new Closing(tenantId, employeeId, running, start, now.isAfter(limit) ? limit : now,
                    now.isAfter(limit) ? TimeEntry.TIMER_OVER_LIMIT : null);
        }

        long id() {
            return running.getLong("running_id");
        }

        long version() {
            return running.getLong("running_version");
        }

        boolean discarded() {
            return !end.isAfter(start);
        }

        int seconds() {
            return (int) Duration.between(start, end).getSeconds();
        }

        TimeEntryView view(long version) {
            return new TimeEntryView(id(), employeeId, running.getString("running_function"),
                    running.getString("running_client"), start, end, running.getString("running_zone"),
                    running.getLocalDate("running_day"), seconds() / 60.0,
                    EntrySource.valueOf(running.getString("running_source")), running.getString("running_notes"),
                    running.getString("running_ref"), review == null ? running.getString("running_review") : review,
                    version);
        }
    }

    /**
     * Ends or deletes the running timers in two statements; their views by employee (null for one deleted). A timer
     * changed since it was read (a sweep closed it) fails the transaction with a 409.
     */
    private static Uni<Map<Long, TimeEntryView>> close(SqlConnection connection, List<Closing> closings, Instant now) {
        Map<Long, TimeEntryView> stopped = new HashMap<>();
        Columns discarded = new Columns(closings.size(), String.class, Long.class, Long.class);
        Columns ended = new Columns(closings.size(), String.class, Long.class, Long.class, OffsetDateTime.class,
                Integer.class, String.class);
        Map<Long, Closing> endedById = new HashMap<>();
        for (Closing closing : closings) {
            if (closing.discarded()) {
                discarded.add(closing.tenantId(), closing.id(), closing.version());
                stopped.put(closing.employeeId(), null);
            } else {
                ended.add(closing.tenantId(), closing.id(), closing.version(), utc(closing.end()), closing.seconds(),
                        closing.review());
                endedById.put(closing.id(), closing);
            }
        }
        Uni<Void> discards = discarded.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery(DISCARD)
                .execute(discarded.tuple())
                .invoke(rows -> unchanged(rows.size(), discarded.size())).replaceWithVoid();
        return discards.chain(() -> endedById.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery(CLOSE)
                .execute(ended.tuple().addValue(utc(now)))
                .invoke(rows -> {
                    unchanged(rows.size(), endedById.size());
                    rows.forEach(row -> {
                        Closing closing = endedById.get(row.getLong("id"));
                        stopped.put(closing.employeeId(), closing.view(row.getLong("version")));
                    });
                }).replaceWithVoid())
                .replaceWith(stopped);
    }

    /** Every timer read was still as read: else one changed meanwhile (a sweep closed it). */
    private static void unchanged(int changed, int expected) {
        if (changed != expected) {
            throw ApiException.conflict("concurrent-change", "A running timer changed while it was being stopped; retry");
        }
    }

    /** What the first statement read of one ask: the tenant, the employee (locked), the function and the client. */
    private record Parties(TenantProfile tenant, EmployeeRef employee, Row row) {

        Long functionId() {
            return CatalogService.functionForNewTime(row.getLong("function_id"), row.getBoolean("function_retired"));
        }

        Long clientId(String code) {
            return CatalogService.clientForNewTime(code, row.getLong("client_id"), row.getBoolean("client_active"));
        }
    }

    /**
     * Reads the parties of several asks and locks their employees; each ask's parties are checked when asked for
     * (a 404 for an unknown tenant, the scope's refusals, {@link NotLinkedYet}).
     */
    private Uni<List<Supplier<Parties>>> parties(SqlConnection connection, List<Ask> asks) {
        Columns columns = new Columns(asks.size(), Integer.class, String.class, String.class, Long.class, String.class,
                String.class);
        for (int n = 0; n < asks.size(); n++) {
            Ask ask = asks.get(n);
            columns.add(n, ask.tenantId(), ask.subject(), ask.employeeToLock(), ask.functionCode(), ask.clientCode());
        }
        return byNumber(connection, PARTIES, columns).map(byNumber -> {
            List<Supplier<Parties>> parties = new ArrayList<>();
            for (int n = 0; n < asks.size(); n++) {
                Ask ask = asks.get(n);
                Row row = byNumber.get(n);
                parties.add(() -> partiesOf(ask, row));
            }
            return parties;
        });
    }

    private static Parties partiesOf(Ask ask, Row row) {
        if (row == null) {
            throw ApiException.notFound("tenant", ask.tenantId());
        }
        EmployeeRef employee = EmployeeScope.timeChangeTarget(ask.requested(), ask.employeeToLock() != null,
                row.getLong("my_id"), Boolean.TRUE.equals(row.getBoolean("my_record_active")), row.getLong("employee_id"),
                row.getString("employee_zone")).orElseThrow(NotLinkedYet::new);
        TenantProfile tenant = new TenantProfile(ask.tenantId(), row.getString("name"), row.getString("time_zone"),
                row.getString("currency"), DayOfWeek.valueOf(row.getString("week_start")), row.getLong("version"));
        return new Parties(tenant, employee, row);
    }

    /**
     * Runs the work; when the caller's login has no employee record yet, links it first (in a transaction of its own,
     * a 403 when nothing matches) and runs the work again. Called while the request is in scope.
     */
    <T> Uni<T> asEmployee(Supplier<Uni<T>> work) {
        return work.get().onFailure(NotLinkedYet.class).recoverWithUni(() -> scope.linkCaller()
                .chain(() -> work.get())
                .onFailure(NotLinkedYet.class).transform(e -> ApiException.conflict("login-link-changed",
                        "Your login's link to an employee record changed during the request; retry it")));
    }

    /** The caller's login has no employee record yet. */
    static final class NotLinkedYet extends RuntimeException {
        NotLinkedYet() {
            super(null, null, false, false);
        }
    }

    /** An entry about to be recorded (the {@code n}-th capture): what was asked, with ids for its codes and checked times. */
    private record New(int n, TenantProfile tenant, long employeeId, Long functionId, String functionCode, Long clientId,
            String clientCode, TimeRules.EntryTimes times, EntrySource source, String notes, String externalRef) {

        LocalDate weekStart() {
            return tenant.workWeek().startOf(times.workDate());
        }
    }

    /** Inserts the entries in one statement; their views in the same order. */
    private static Uni<List<TimeEntryView>> insert(SqlConnection connection, List<New> entries, Instant now) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Columns columns = new Columns(entries.size(), String.class, Long.class, Long.class, Long.class,
                OffsetDateTime.class, OffsetDateTime.class, String.class, LocalDate.class, Integer.class, String.class,
                String.class, String.class);
        for (New entry : entries) {
            TimeRules.EntryTimes times = entry.times();
            columns.add(entry.tenant().id(), entry.employeeId(), entry.functionId(), entry.clientId(),
                    utc(times.startedAt()), utc(times.endedAt()), times.zone(), times.workDate(), seconds(times),
                    entry.source().name(), entry.notes(), entry.externalRef());
        }
        return connection.preparedQuery(INSERT).execute(columns.tuple().addValue(utc(now))).map(rows -> {
            Map<Long, Long> idByEmployee = new HashMap<>();
            rows.forEach(row -> idByEmployee.put(row.getLong("employee_id"), row.getLong("id")));
            return entries.stream().map(entry -> {
                TimeRules.EntryTimes times = entry.times();
                Integer seconds = seconds(times);
                return new TimeEntryView(idByEmployee.get(entry.employeeId()), entry.employeeId(), entry.functionCode(),
                        entry.clientCode(), times.startedAt(), times.endedAt(), times.zone(), times.workDate(),
                        seconds == null ? null : seconds / 60.0, entry.source(), entry.notes(), entry.externalRef(),
                        null, 0);
            }).toList();
        });
    }

    /** The seconds an entry holds; none while it runs as a timer. */
    private static Integer seconds(TimeRules.EntryTimes times) {
        return times.endedAt() == null && times.startedAt() != null ? null : times.durationSeconds();
    }

    /** The values of a set-wise statement, column by column: each column becomes one array parameter. */
    private static final class Columns {
        private final Class<?>[] types;
        private final List<List<Object>> columns = new ArrayList<>();

        /** Columns of the given element types, each bound as one array parameter. */
        Columns(int rows, Class<?>... types) {
            this.types = types;
            for (int i = 0; i < types.length; i++) {
                columns.add(new ArrayList<>(rows));
            }
        }

        boolean isEmpty() {
            return columns.get(0).isEmpty();
        }

        int size() {
            return columns.get(0).size();
        }

        void add(Object... row) {
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }

        Tuple tuple() {
            Tuple tuple = Tuple.tuple();
            for (int i = 0; i < types.length; i++) {
                tuple.addValue(columns.get(i).toArray((Object[]) Array.newInstance(types[i], 0)));
            }
            return tuple;
        }
    }

    /** Runs a read whose rows carry the number ({@code n}) of the capture each answers, keyed by it. */
    private static Uni<Map<Integer, Row>> byNumber(SqlConnection connection, String sql, Columns columns) {
        return connection.preparedQuery(sql).execute(columns.tuple()).map(rows -> {
            Map<Integer, Row> byNumber = new HashMap<>();
            rows.forEach(row -> byNumber.put(row.getInteger("n"), row));
            return byNumber;
        });
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
