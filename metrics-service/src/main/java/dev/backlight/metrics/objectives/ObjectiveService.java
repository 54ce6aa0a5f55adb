package dev.backlight.metrics.objectives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.productivity.FunctionFigures;
import dev.backlight.metrics.productivity.MetricsService.PeriodFigures;
import dev.backlight.metrics.productivity.MetricsService;
import dev.backlight.metrics.upstream.DirectoryService;
import dev.backlight.metrics.upstream.TimeService;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * SMART objectives with progress measured from the data: the metric over the two weeks before the start (where it
 * started from) and over the latest two weeks (where it is), against the straight line from the one to the target by
 * the due date.
 */
@ApplicationScoped
public class ObjectiveService {

    /** Both the starting point and the current value are measured over this many days, as the baseline is. */
    static final int WINDOW_DAYS = 14;
    /** Objectives per tenant: reading them measures each one's windows, so their number bounds the work of a read. */
    public static final int MAX_OBJECTIVES = 30;

    public enum Status {
        NOT_STARTED, ON_TRACK, AT_RISK, ACHIEVED, MISSED,
        /** Nothing measured for the metric in the latest window: record output and time to see progress. */
        NO_DATA
    }

    public record ObjectiveData(String title, String functionCode, Objective.Metric metric, BigDecimal target,
            Objective.Direction direction, LocalDate startDate, LocalDate dueDate, Long ownerEmployeeId) {
    }

    @Schema(name = "ObjectiveProgress")
    public record Progress(
            @Schema(description = "The metric over the two weeks before the start", example = "4.0000") BigDecimal startingValue,
            @Schema(description = "The metric over the latest two weeks (up to asOf, or to the due date once it has passed)", example = "3.0000") BigDecimal currentValue,
            @Schema(example = "2026-03-02") LocalDate measuredFrom, @Schema(example = "2026-03-16") LocalDate measuredTo,
            @Schema(description = "Share of the way from the starting value to the target covered, percent", example = "50.00") BigDecimal progressPercent,
            @Schema(description = "Share of the time from start to due date elapsed, percent", example = "50.00") BigDecimal elapsedPercent,
            @Schema(example = "ON_TRACK") Status status) {
    }

    private final ObjectiveStore store;
    private final ObjectiveRepository objectives;
    private final DirectoryService directory;
    private final MetricsService metrics;
    private final TimeService time;
    private final Clock clock;

    ObjectiveService(ObjectiveRepository objectives, DirectoryService directory, MetricsService metrics, TimeService time, Clock clock, ObjectiveStore store) {
        this.objectives = objectives;
        this.directory = directory;
        this.metrics = metrics;
        this.time = time;
        this.clock = clock;
        this.store = store;
    }

    public Uni<Objective> create(ObjectiveData data) {
        return checked(data).chain(() -> store.insert(data));
    }

    public Uni<Objective> update(long id, ObjectiveData data, String ifMatch) {
        // An unknown objective is a 404 whatever the body holds, so its references are checked only for a known one.
        return one(id).chain(() -> checked(data)).chain(() -> store.replace(id, data, ifMatch));
    }

    @WithTransaction
    public Uni<Void> delete(long id, String ifMatch) {
        return objectives.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("objective", id))
                .invoke(existing -> Versions.checkIfMatch(ifMatch, existing.version)).chain(objectives::delete);
    }

    @WithSession
    public Uni<List<Objective>> list() {
        return objectives.listByDueDate();
    }

    @WithSession
    public Uni<Objective> one(long id) {
        return objectives.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("objective", id));
    }

    /** Progress of each objective as of a day (today in the tenant's zone when null). */
    public Uni<List<Progress>> progress(List<Objective> list, LocalDate asOf) {
        Uni<LocalDate> day = asOf != null ? Uni.createFrom().item(asOf)
                : time.tenant().map(tenant -> LocalDate.now(clock.withZone(ZoneId.of(tenant.timeZone()))));
        return day.chain(today -> {
            Map<LocalDate, PeriodFigures> byWindowEnd = new HashMap<>();
            // One window end at a time: the figures share this request's session, which allows no parallel use.
            return Multi.createFrom().iterable(windowEnds(list, today)).onItem()
                    .transformToUniAndConcatenate(end -> metrics.figures(end.minusDays(WINDOW_DAYS), end, MetricsService.Slice.FUNCTION)
                            .invoke(figures -> byWindowEnd.put(end, figures)))
                    .collect().last()
                    .map(ignored -> list.stream().map(o -> evaluate(o, today, byWindowEnd)).toList());
        });
    }

    private static List<LocalDate> windowEnds(List<Objective> list, LocalDate today) {
        List<LocalDate> ends = new ArrayList<>();
        for (Objective o : list) {
            for (LocalDate end : List.of(o.startDate, currentEnd(o, today))) {
                if (!ends.contains(end)) {
                    ends.add(end);
                }
            }
        }
        return ends;
    }

    private static LocalDate currentEnd(Objective o, LocalDate today) {
        return today.isAfter(o.dueDate) ? o.dueDate : today;
    }

    private static Progress evaluate(Objective o, LocalDate today, Map<LocalDate, PeriodFigures> figures) {
        BigDecimal starting = value(o, figures.get(o.startDate));
        LocalDate end = currentEnd(o, today);
        long total = ChronoUnit.DAYS.between(o.startDate, o.dueDate);
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(o.startDate, today)));
        BigDecimal elapsedPercent = BigDecimal.valueOf(elapsed * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        if (today.isBefore(o.startDate)) {
            return new Progress(starting, null, null, null, null, elapsedPercent, Status.NOT_STARTED);
        }
        BigDecimal current = value(o, figures.get(end));
        BigDecimal progress = null;
        if (starting != null && current != null && starting.compareTo(o.target) != 0) {
            BigDecimal gained = o.direction == Objective.Direction.AT_MOST ? starting.subtract(current) : current.subtract(starting);
            BigDecimal needed = o.direction == Objective.Direction.AT_MOST ? starting.subtract(o.target) : o.target.subtract(starting);
            progress = gained.multiply(BigDecimal.valueOf(100)).divide(needed, 2, RoundingMode.HALF_UP);
        }
        Status status;
        boolean due = !today.isBefore(o.dueDate);
        if (current == null) {
            status = Status.NO_DATA;
        } else if (met(o, current)) {
            status = due ? Status.ACHIEVED : Status.ON_TRACK;
        } else if (due) {
            status = Status.MISSED;
        } else {
            status = progress != null && progress.compareTo(elapsedPercent) >= 0 ? Status.ON_TRACK : Status.AT_RISK;
        }
        return new Progress(starting, current, end.minusDays(WINDOW_DAYS), end, progress, elapsedPercent, status);
    }

    private static boolean met(Objective o, BigDecimal value) {
        int comparison = value.compareTo(o.target);
        return o.direction == Objective.Direction.AT_MOST ? comparison <= 0 : comparison >= 0;
    }

    /** The objective's metric for its function in the figures of a window; null when not measured there. */
    private static BigDecimal value(Objective o, PeriodFigures figures) {
        FunctionFigures f = figures == null ? null : figures.functions().stream()
                .filter(x -> x.functionCode().equals(o.functionCode) && x.slice() == null).findFirst().orElse(null);
        if (f == null) {
            return null;
        }
        return switch (o.metric) {
            case HOURS_PER_UNIT -> f.hoursPerUnit();
            case QUALITY_ADJUSTED_HOURS_PER_UNIT -> f.qualityAdjustedHoursPerUnit();
            case PRODUCTIVITY -> f.productivity() == null ? null : f.productivity().value();
            case DEFECTS_PER_UNIT -> f.units() == 0 || f.quality() == null ? null : f.quality().defectsPerUnit();
            case INTER_RATER_RELIABILITY -> f.quality() == null ? null : f.quality().interRaterReliability();
            case TURNAROUND_HOURS -> f.quality() == null ? null : f.quality().averageTurnaroundHours();
            case HOURS_PER_WEEK -> f.hours().multiply(BigDecimal.valueOf(7)).divide(BigDecimal.valueOf(WINDOW_DAYS), 2, RoundingMode.HALF_UP);
        };
    }

    private Uni<Void> checked(ObjectiveData data) {
        if (!data.dueDate().isAfter(data.startDate())) {
            throw ApiException.invalidField("dueDate", "must be after startDate");
        }
        return directory.checked(dir -> {
            dir.activeFunction(data.functionCode());
            dir.checkEmployee("ownerEmployeeId", data.ownerEmployeeId());
            return dir;
        }).replaceWithVoid();
    }

}
