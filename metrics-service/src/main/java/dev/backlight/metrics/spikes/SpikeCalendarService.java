package dev.backlight.metrics.spikes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
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
import dev.backlight.support.csv.CsvExportable;
import dev.backlight.support.csv.CsvTable;
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
            List<SpikeCalendar.Overlap> overlaps, List<SpikeCalendar.Suggestion> suggestions) implements CsvExportable {

        /** One owner's expected load on one day, as a CSV line. */
        public record LoadRow(LocalDate day, long ownerEmployeeId, String ownerName, BigDecimal hours, BigDecimal capacityHours,
                String deadlines) {
            static LoadRow of(SpikeCalendar.DayLoad l) {
                return new LoadRow(l.day(), l.ownerEmployeeId(), l.ownerName(), l.hours(), l.capacityHours(), String.join("; ", l.deadlines()));
            }
        }

        @Override
        public CsvTable csvTable() {
            return CsvTable.of(LoadRow.class, load, LoadRow::of);
        }
    }

    private final DeadlineStore store;
    private final RecurringDeadlineRepository deadlines;
    private final HolidayRepository holidays;
    private final DirectoryService directory;
    private final MetricsService metrics;
    private final TimeService time;
    private final Caller caller;

    SpikeCalendarService(RecurringDeadlineRepository deadlines, HolidayRepository holidays, DirectoryService directory, MetricsService metrics, TimeService time, Caller caller, DeadlineStore store) {
        this.deadlines = deadlines;
        this.holidays = holidays;
        this.directory = directory;
        this.metrics = metrics;
        this.time = time;
        this.caller = caller;
        this.store = store;
    }

    public Uni<RecurringDeadline> create(DeadlineData data) {
        return checked(data).chain(() -> store.insert(data));
    }

    public Uni<RecurringDeadline> update(long id, DeadlineData data, String ifMatch) {
        // An unknown deadline is a 404 whatever the body holds, so its references are checked only for a known one.
        return one(id).chain(() -> checked(data)).chain(() -> store.replace(id, data, ifMatch));
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
        // The deadlines first (one short session), then the three independent reads together.
        return store.stored().chain(stored -> Uni.combine().all()
                .unis(time.tenant(), time.employees(), metrics.figures(mFrom, mTo, MetricsService.Slice.FUNCTION)).asTuple()
                .map(reads -> {
                    Map<String, BigDecimal> perUnit = new HashMap<>();
                    reads.getItem3().functions().forEach(f -> perUnit.put(f.functionCode(), f.hoursPerUnit()));
                    return lay(from, to, mFrom, mTo, reads.getItem1().timeZone(), stored, reads.getItem2(), perUnit, ownerEmployeeId);
                }));
    }

    private static Report lay(LocalDate from, LocalDate to, LocalDate mFrom, LocalDate mTo, String zone, DeadlineStore.Stored stored,
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
        return directory.checked(dir -> {
            dir.activeFunction(data.functionCode());
            dir.checkEmployee("ownerEmployeeId", data.ownerEmployeeId());
            dir.checkClient(data.clientCode());
            return dir;
        }).replaceWithVoid();
    }

}
