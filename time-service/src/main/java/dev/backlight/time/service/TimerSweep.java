package dev.backlight.time.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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

    @Scheduled(every = "${backlight.time.timer-sweep-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> closeOverdueTimers() {
        return pool.query("""
                update timekeeping.time_entry
                   set ended_at = started_at + interval '24 hours', duration_seconds = 86400,
                       review_reason = 'TIMER_OVER_LIMIT', updated_at = now(), version = version + 1
                 where started_at is not null and ended_at is null and started_at < now() - interval '24 hours'
                """).execute()
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.infof("Closed %d timers that ran past the 24 h limit", rows.rowCount());
                    }
                })
                .replaceWithVoid();
    }
}
