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
 * without waiting for it. With no offset it is the system clock.
 */
public class TestClock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    public static void advance(Duration by) {
        OFFSET.updateAndGet(current -> current.plus(by));
    }

    public static void reset() {
        OFFSET.set(Duration.ZERO);
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
                return Instant.now().plus(OFFSET.get());
            }
        };
    }
}
