package dev.backlight.time.entries;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** New entries, timer starts and timer stops, each kind through its own {@link GroupCommit}. */
@ApplicationScoped
class CaptureQueue {

    private final EntryCapture capture;
    private final GroupCommit<EntryCapture.Capture, TimeEntryService.Saved> entries;
    private final GroupCommit<EntryCapture.TimerAsk, EntryLedger.TimerStart> timerStarts;
    private final GroupCommit<EntryCapture.Ask, TimeEntryView> timerStops;

    CaptureQueue(EntryCapture capture, Pool pool) {
        this.capture = capture;
        this.entries = new GroupCommit<>(pool, capture::recordAll);
        this.timerStarts = new GroupCommit<>(pool, capture::startAll);
        this.timerStops = new GroupCommit<>(pool, capture::stopAll);
    }

    /**
     * Records the caller's entry, or answers the one already stored under its externalRef when the input is the very
     * request that stored it. Called while the request is in scope.
     */
    Uni<TimeEntryService.Saved> record(TimeEntryService.EntryInput input, EntrySource source) {
        EntryCapture.Capture asked = capture.capture(input, source);
        return capture.asEmployee(() -> entries.submit(asked));
    }

    /**
     * Starts a timer now, stopping the employee's running one at the same instant so that the two entries meet exactly
     * ([start, end) intervals); 409 when the start falls inside other time or a closed day. Called while the request
     * is in scope.
     */
    Uni<EntryLedger.TimerStart> startTimer(EntryLedger.TimerRequest request) {
        EntryCapture.TimerAsk asked = capture.timerAsk(request);
        return capture.asEmployee(() -> timerStarts.submit(asked));
    }

    /**
     * Stops the employee's running timer now (null: the caller's own); null when it ran less than a second; 409 when
     * none runs. Called while the request is in scope.
     */
    Uni<TimeEntryView> stopTimer(Long employeeId) {
        EntryCapture.Ask asked = capture.ask(employeeId, null, null);
        return capture.asEmployee(() -> timerStops.submit(asked));
    }
}
