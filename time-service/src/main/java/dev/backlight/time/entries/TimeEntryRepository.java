package dev.backlight.time.entries;

import static dev.backlight.support.persistence.QueryConditions.andEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class TimeEntryRepository implements PanacheRepository<TimeEntry> {

    /** What the employee's recorded time says about a new entry: the day's seconds so far and an entry it overlaps. */
    record Neighbours(Long secondsOnDay, Long overlappingId) {
    }

    /**
     * Both checks of a finished entry in one round trip, read beside the employee's (locked) row: the seconds the day
     * already holds (finished entries only) and the id of a timed entry overlapping [start, end), null when none (a
     * running timer extends to infinity; finished entries are searched on the days {@link TimeRules#firstDayOverlapping}
     * allows). A manual entry gives no interval (start null) and overlaps nothing.
     */
    public Uni<Neighbours> neighbours(Long employeeId, Instant start, Instant end, LocalDate day, long excludeId) {
        boolean timed = start != null;
        return getSession().chain(session -> session.createSelectionQuery("select "
                        + "(select coalesce(sum(d.durationSeconds), 0) from TimeEntry d where d.employeeId = m.id "
                        + "and d.workDate = :day and d.durationSeconds is not null and d.id <> :exclude), "
                        + "(select min(o.id) from TimeEntry o where :timed = true and o.employeeId = m.id and o.startedAt is not null "
                        + "and o.startedAt < :end and o.id <> :exclude "
                        + "and (o.endedAt is null or (o.endedAt > :start and o.workDate between :first and :last))) "
                        + "from Employee m where m.id = :employee", Neighbours.class)
                .setParameter("employee", employeeId).setParameter("day", day).setParameter("exclude", excludeId)
                .setParameter("timed", timed).setParameter("start", timed ? start : Instant.EPOCH)
                .setParameter("end", timed ? end : Instant.EPOCH)
                .setParameter("first", TimeRules.firstDayOverlapping(timed ? start : Instant.EPOCH))
                .setParameter("last", TimeRules.lastDayOverlapping(timed ? end : Instant.EPOCH))
                .getSingleResult());
    }


    /** What the API shows of an entry, codes joined in by the database. */
    private static final String VIEW = "select e.id, e.employeeId, f.code, c.code, e.startedAt, e.endedAt, e.zone, e.workDate, "
            + "e.durationSeconds / 60.0, e.source, e.notes, e.externalRef, e.reviewReason, e.version";
    private static final String ENTRIES = " from TimeEntry e join WorkFunction f on f.id = e.functionId"
            + " left join ClientAccount c on c.id = e.clientAccountId";

    /** The view of one entry, or null. */
    public Uni<TimeEntryView> view(Long id) {
        return firstView("e.id = ?1", "e.id", id);
    }

    /** The first view a condition selects in the given order, or null. */
    public Uni<TimeEntryView> firstView(String condition, String order, Object... parameters) {
        return views(condition, order, parameters).map(list -> list.isEmpty() ? null : list.get(0));
    }

    /** The views of the entries a condition on {@code e} selects, in the given order (positional parameters). */
    public Uni<List<TimeEntryView>> views(String condition, String order, Object... parameters) {
        return getSession().chain(session -> {
            var query = session.createSelectionQuery(VIEW + ENTRIES + " where " + condition + " order by " + order,
                    TimeEntryView.class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        });
    }

    /** One page of the entries a filter selects, newest first, with the count of all of them. */
    public Uni<ListPage<TimeEntryView>> page(TimeEntryService.EntryFilter filter, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, parameters);
        return getSession().chain(session -> {
            var items = session.createSelectionQuery(VIEW + ENTRIES + where
                    + " order by e.workDate desc, e.startedAt desc nulls last, e.id desc", TimeEntryView.class)
                    .setFirstResult(page.page() * page.size()).setMaxResults(page.size());
            var count = session.createSelectionQuery("select count(e)" + ENTRIES + where, Long.class);
            parameters.forEach((name, value) -> {
                items.setParameter(name, value);
                count.setParameter(name, value);
            });
            return items.getResultList().chain(list -> count.getSingleResult()
                    .map(total -> new ListPage<>(list, page.page(), page.size(), total)));
        });
    }

    private static String where(TimeEntryService.EntryFilter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" where e.workDate >= :from and e.workDate < :to");
        parameters.put("from", filter.from());
        parameters.put("to", filter.to());
        andEquals(where, parameters, "e.employeeId", "employeeId", filter.employeeId());
        andEquals(where, parameters, "f.code", "functionCode", filter.functionCode());
        andEquals(where, parameters, "c.code", "clientCode", filter.clientCode());
        andEquals(where, parameters, "e.source", "source", filter.source());
        if (filter.needsReview() != null) {
            where.append(filter.needsReview() ? " and e.reviewReason is not null" : " and e.reviewReason is null");
        }
        return where.toString();
    }

}
