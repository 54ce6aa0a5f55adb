package dev.backlight.time.timers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.entries.EntryLedger;
import dev.backlight.time.entries.TimeEntryView;
import dev.backlight.time.entries.TimeRules;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Timers: at most one running per employee. Starting one stops the running one at the same instant, so the two
 * entries meet exactly ([start, end) intervals). A timer left running past 24 h is closed at the 24 h mark and
 * flagged for review rather than kept as an impossible entry. The entries themselves are the entries feature's
 * ({@link EntryLedger}).
 */
@ApplicationScoped
public class TimerService {

    @Inject
    EntryLedger ledger;

    @Inject
    TimeRules rules;

    @Inject
    EmployeeScope scope;

    /** The running timer of an employee (null when none) as of {@code now}. */
    public record Running(TimeEntryView entry, Instant now) {
        public boolean overLimit() {
            return entry != null && Duration.between(entry.startedAt(), now).compareTo(TimeRules.MAX_ENTRY) > 0;
        }
    }

    public Uni<EntryLedger.TimerStart> start(Long employeeId, String functionCode, String clientCode, String notes, String zone) {
        return ledger.startTimer(new EntryLedger.TimerRequest(employeeId, functionCode, clientCode, notes, zone));
    }

    public Uni<TimeEntryView> stop(Long employeeId) {
        return ledger.stopTimer(employeeId);
    }

    @WithSession
    public Uni<Running> current(Long employeeId) {
        return scope.forReading(employeeId).chain(employee -> ledger.runningTimer(employee.id()))
                .map(entry -> new Running(entry, rules.now()));
    }

    /** Every running timer of the tenant: "what is being worked on right now". */
    @WithSession
    public Uni<List<Running>> allRunning() {
        Instant now = rules.now();
        return ledger.runningTimers().map(list -> list.stream().map(entry -> new Running(entry, now)).toList());
    }
}
