package dev.backlight.time.entries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.backlight.support.problem.ApiException;

/** Local wall-clock times made instants by the server, across New York's 2026 daylight saving changes. */
class WallClockTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant onTheClock(String local, ZoneOffset offset) {
        return TimeRules.onTheClock("localStart", LocalDateTime.parse(local), "localStartOffset", offset, NEW_YORK);
    }

    @Test
    void anOrdinaryTimeHasOneReading() {
        assertEquals(Instant.parse("2026-03-09T13:00:00Z"), onTheClock("2026-03-09T09:00", null));
    }

    @Test
    void aTimeTheClocksSkippedIsRefusedNamingTheField() {
        ApiException refused = assertThrows(ApiException.class, () -> onTheClock("2026-03-08T02:30", null));
        assertEquals("localStart", refused.problem().errors().get(0).field());
        assertTrue(refused.problem().errors().get(0).message().contains("moved forward"), refused.getMessage());
    }

    @Test
    void aRepeatedTimeIsTheFirstReadingUnlessAnOffsetPicksTheSecond() {
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), onTheClock("2026-11-01T01:30", null));
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), onTheClock("2026-11-01T01:30", ZoneOffset.ofHours(-4)));
        assertEquals(Instant.parse("2026-11-01T06:30:00Z"), onTheClock("2026-11-01T01:30", ZoneOffset.ofHours(-5)));
    }

    @Test
    void anOffsetTheZoneDoesNotHaveThenIsRefusedNamingTheOffsetField() {
        ApiException refused = assertThrows(ApiException.class, () -> onTheClock("2026-11-01T01:30", ZoneOffset.ofHours(-6)));
        assertEquals("localStartOffset", refused.problem().errors().get(0).field());
        // Outside the repeated hour only the one offset in force is accepted.
        assertThrows(ApiException.class, () -> onTheClock("2026-11-01T03:30", ZoneOffset.ofHours(-4)));
        assertEquals(Instant.parse("2026-11-01T08:30:00Z"), onTheClock("2026-11-01T03:30", ZoneOffset.ofHours(-5)));
    }
}
