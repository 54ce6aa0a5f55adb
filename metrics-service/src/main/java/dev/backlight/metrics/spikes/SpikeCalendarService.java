package dev.backlight.metrics.spikes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.productivity.MetricsService;
import dev.backlight.metrics.upstream.DirectoryService;
import dev.backlight.metrics.upstream.TimeService;
import dev.backlight.metrics.upstream.TimeServiceClient.Employee;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The seed's "map the recurring spikes on a calendar" and "stagger deadlines where possible": recurring deadlines and
 * holidays, and for any window the expected load per owner and day, the overlaps and the moves that clear them.
 */
@ApplicationScoped
public class SpikeCalendarService {

    /** Time per unit is measured over this many weeks before the window, unless the caller names a period. */
    static final int MEASURED_WEEKS = 8;
    /** The longest period time per unit is measured over: a year. */
    public static final int LONGEST_MEASURED_DAYS = 366;

    public record DeadlineData(String name, RecurringDeadline.Kind kind, String functionCode, Long ownerEmployeeId, String clientCode,
            LocalDate firstDate, String rrule, int runWorkingDays, BigDecimal expectedUnits, RecurringDeadline.NonWorkingDay nonWorkingDay) {
    }

    @Schema(name = "MeasuredTimePerUnit")
    public record Measure(@Schema(example = "PAYROLL") String functionCode,
            @Schema(description = "Null when the function had no output in the measured period", example = "6.0000") BigDecimal hoursPerUnit) {
    }

    @Schema(name = "SpikeCalendar")
    public record Report(@Schema(example = "2026-04-01") LocalDate from, @Schema(example = "2026-05-01") LocalDate to,
            @Schema(example = "America/New_York") String timeZone,
            @Schema(example = "2026-02-04") LocalDate measuredFrom, @Schema(example = "2026-04-01") LocalDate measuredTo,
            List<Measure> timePerUnit, List<SpikeCalendar.Occurrence> occurrences, List<SpikeCalendar.DayLoad> load,
            List<SpikeCalendar.Overlap> overlaps, List<SpikeCalendar.Suggestion> suggestions) {
    }

    private final RecurringDeadlineRepository deadlines;
    private final HolidayRepository holidays;
    private final DirectoryService directory;
    private final MetricsService metrics;
    private final TimeService time;
    private final Caller caller;
    private final Clock clock;

    SpikeCalendarService(RecurringDeadlineRepository deadlines, HolidayRepository holidays, DirectoryService directory,
            MetricsService metrics, TimeService time, Caller caller, Clock clock) {
        this.deadlines = deadlines;
        this.holidays = holidays;
        this.directory = directory;
        this.metrics = metrics;
        this.time = time;
        this.caller = caller;
        this.clock = clock;
    }

    public Uni<RecurringDeadline> create(DeadlineData data) {
        return checked(data).chain(() -> insert(data));
    }

    public Uni<RecurringDeadline> update(long id, DeadlineData data, String ifMatch) {
        // An unknown deadline is a 404 whatever the body holds, so its references are checked only for a known one.
        return one(id).chain(() -> checked(data)).chain(() -> replace(id, data, ifMatch));
    }

    @WithSession
    public Uni<List<RecurringDeadline>> list() {
        return deadlines.listByName();
    }

    @WithSession
    public Uni<RecurringDeadline> one(long id) {
        return deadlines.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("deadline", id));
    }

    @WithTransaction
    public Uni<Void> delete(long id, String ifMatch) {
        return deadlines.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("deadline", id))
                .invoke(existing -> Versions.checkIfMatch(ifMatch, existing.version)).chain(deadlines::delete);
    }

    @WithSession
    public Uni<List<Holiday>> holidays() {
        return holidays.listByDay();
    }

    @WithTransaction
    public Uni<Holiday> addHoliday(LocalDate day, String name) {
        return holidays.findByDay(day).chain(found -> {
            if (found != null) {
                throw ApiException.conflict("holiday-exists", "A holiday is already listed on " + day, "day", day.toString());
            }
            Holiday holiday = new Holiday();
            holiday.day = day;
            holiday.name = name.strip();
            return holidays.persist(holiday);
        });
    }

    @WithTransaction
    public Uni<Void> removeHoliday(LocalDate day) {
        return holidays.findByDay(day).onItem().ifNull().failWith(() -> ApiException.notFound("holiday", day)).chain(holidays::delete);
    }

    /** The calendar of [from, to), with time per unit measured over [measuredFrom, measuredTo). */
    public Uni<Report> calendar(LocalDate from, LocalDate to, LocalDate measuredFrom, LocalDate measuredTo, Long ownerEmployeeId) {
        LocalDate mTo = measuredTo != null ? measuredTo : from;
        LocalDate mFrom = measuredFrom != null ? measuredFrom : mTo.minusWeeks(MEASURED_WEEKS);
        if (!mFrom.isBefore(mTo)) {
            throw ApiException.invalidField("measuredTo", "must be after measuredFrom");
        }
        if (mTo.isAfter(mFrom.plusDays(LONGEST_MEASURED_DAYS))) {
            throw ApiException.invalidField(measuredTo != null ? "measuredTo" : "measuredFrom",
                    "must be at most " + LONGEST_MEASURED_DAYS + " days after measuredFrom");
        }
        return stored().chain(stored -> time.tenant()
                .chain(tenant -> time.employees()
                        .chain(employees -> metrics.figures(mFrom, mTo, MetricsService.Slice.FUNCTION)
                                .map(figures -> {
                                    Map<String, BigDecimal> perUnit = new HashMap<>();
                                    figures.functions().forEach(f -> perUnit.put(f.functionCode(), f.hoursPerUnit()));
                                    return lay(from, to, mFrom, mTo, tenant.timeZone(), stored, employees, perUnit, ownerEmployeeId);
                                }))));
    }

    private record Stored(List<RecurringDeadline> deadlines, List<Holiday> holidays) {
    }

    @WithSession
    Uni<Stored> stored() {
        return deadlines.listByName().chain(list -> holidays.listByDay().map(days -> new Stored(list, days)));
    }

    private static Report lay(LocalDate from, LocalDate to, LocalDate mFrom, LocalDate mTo, String zone, Stored stored,
            List<Employee> employees, Map<String, BigDecimal> perUnit, Long ownerFilter) {
        Map<Long, SpikeCalendar.Owner> owners = new HashMap<>();
        for (Employee e : employees) {
            BigDecimal daily = BigDecimal.valueOf(Duration.between(e.workStart(), e.workEnd()).toMinutes())
                    .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
            owners.put(e.id(), new SpikeCalendar.Owner(e.id(), e.name(), e.workDays(), daily));
        }
        Set<LocalDate> holidayDays = stored.holidays().stream().map(h -> h.day).collect(Collectors.toSet());
        SpikeCalendar calendar = new SpikeCalendar(holidayDays, owners);
        // Occurrences a little outside the window still put their runs (or the moves that clear them) inside it.
        LocalDate generateFrom = from.minusDays(31);
        LocalDate generateTo = to.plusDays(62);
        List<SpikeCalendar.Occurrence> all = new ArrayList<>();
        for (RecurringDeadline deadline : stored.deadlines()) {
            if (owners.containsKey(deadline.ownerEmployeeId) && (ownerFilter == null || ownerFilter.equals(deadline.ownerEmployeeId))) {
                all.addAll(calendar.occurrences(deadline, generateFrom, generateTo, perUnit.get(deadline.functionCode)));
            }
        }
        all.sort(Comparator.comparing(SpikeCalendar.Occurrence::date).thenComparing(SpikeCalendar.Occurrence::name));
        List<SpikeCalendar.Occurrence> inWindow = all.stream()
                .filter(o -> (!o.date().isBefore(from) && o.date().isBefore(to))
                        || o.runDays().stream().anyMatch(d -> !d.isBefore(from) && d.isBefore(to)))
                .toList();
        List<SpikeCalendar.Overlap> overlaps = calendar.overlaps(all, from, to);
        List<SpikeCalendar.Suggestion> suggestions = overlaps.stream().map(o -> calendar.stagger(o, all)).filter(Objects::nonNull).toList();
        List<Measure> measures = stored.deadlines().stream().map(d -> d.functionCode).distinct().sorted()
                .map(code -> new Measure(code, perUnit.get(code))).toList();
        return new Report(from, to, zone, mFrom, mTo, measures, inWindow, calendar.load(all, from, to), overlaps, suggestions);
    }

    private Uni<Void> checked(DeadlineData data) {
        Recurrence.parse("rrule", data.rrule());
        return directory.load().invoke(dir -> {
            dir.activeFunction(data.functionCode());
            dir.checkEmployee("ownerEmployeeId", data.ownerEmployeeId());
            dir.checkClient(data.clientCode());
        }).replaceWithVoid();
    }

    @WithTransaction
    Uni<RecurringDeadline> insert(DeadlineData data) {
        return deadlines.findByName(data.name().strip()).chain(found -> {
            if (found != null) {
                throw ApiException.conflict("deadline-exists", "A deadline named '" + found.name + "' exists", "id", found.id);
            }
            RecurringDeadline deadline = new RecurringDeadline();
            deadline.createdBy = caller.subject();
            deadline.createdAt = Instant.now(clock);
            apply(deadline, data);
            return deadlines.persist(deadline);
        });
    }

    @WithTransaction
    Uni<RecurringDeadline> replace(long id, DeadlineData data, String ifMatch) {
        return deadlines.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("deadline", id))
                .invoke(existing -> Versions.checkIfMatch(ifMatch, existing.version))
                .call(existing -> deadlines.findByName(data.name().strip()).invoke(found -> {
                    if (found != null && !found.id.equals(existing.id)) {
                        throw ApiException.conflict("deadline-exists", "A deadline named '" + found.name + "' exists", "id", found.id);
                    }
                }))
                .invoke(existing -> apply(existing, data));
    }

    private static void apply(RecurringDeadline deadline, DeadlineData data) {
        deadline.name = data.name().strip();
        deadline.kind = data.kind();
        deadline.functionCode = data.functionCode();
        deadline.ownerEmployeeId = data.ownerEmployeeId();
        deadline.clientCode = data.clientCode();
        deadline.firstDate = data.firstDate();
        deadline.rrule = data.rrule().strip().replaceFirst("(?i)^RRULE:", "");
        deadline.runWorkingDays = data.runWorkingDays();
        deadline.expectedUnits = data.expectedUnits();
        deadline.nonWorkingDay = data.nonWorkingDay();
    }
}
