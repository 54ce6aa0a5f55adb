package dev.backlight.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/**
 * The system clock, moved forward by an offset a test may set (and must reset), so that tests can let a day pass
 * without waiting for it, or stop it. With no offset and not frozen it is the system clock.
 */
public class TestClock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);
    private static final AtomicReference<Instant> FROZEN = new AtomicReference<>();

    public static void advance(Duration by) {
        OFFSET.updateAndGet(current -> current.plus(by));
    }

    /** Stops the clock at its current reading until {@link #reset()}. */
    public static void freeze() {
        FROZEN.set(Instant.now().plus(OFFSET.get()));
    }

    public static void reset() {
        OFFSET.set(Duration.ZERO);
        FROZEN.set(null);
    }

    @Produces
    @ApplicationScoped
    @Alternative
    @Priority(1)
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.offset(Clock.system(zone), OFFSET.get());
            }

            @Override
            public Instant instant() {
                Instant frozen = FROZEN.get();
                return frozen != null ? frozen : Instant.now().plus(OFFSET.get());
            }
        };
    }
}
