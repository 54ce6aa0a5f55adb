package dev.backlight.time.timers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.time.entries.TimeRules;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

/**
 * Closes timers left running past the 24 h limit at the limit and flags them for review, for every tenant at once.
 * It is a platform job, not a tenant's request, so it updates the table directly rather than through a tenant's
 * session.
 */
@ApplicationScoped
public class TimerSweep {

    private static final Logger LOG = Logger.getLogger(TimerSweep.class);

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Scheduled(every = "${backlight.time.timer-sweep-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> closeOverdueTimers() {
        Instant now = clock.instant();
        return pool.preparedQuery("""
                update timekeeping.time_entry
                   set ended_at = started_at + interval '24 hours', duration_seconds = 86400,
                       review_reason = 'TIMER_OVER_LIMIT', updated_at = $1, version = version + 1
                 where started_at is not null and ended_at is null and started_at < $2
                """).execute(Tuple.of(now.atOffset(ZoneOffset.UTC), now.minus(TimeRules.MAX_ENTRY).atOffset(ZoneOffset.UTC)))
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.infof("Closed %d timers that ran past the 24 h limit", rows.rowCount());
                    }
                })
                .replaceWithVoid();
    }
}
