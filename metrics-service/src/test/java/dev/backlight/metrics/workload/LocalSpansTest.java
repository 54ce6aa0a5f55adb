package dev.backlight.metrics.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Entries cut into local half-days, with real elapsed time across daylight-saving changes. */
class LocalSpansTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void anEntryAcrossNoonAndMidnightIsCutIntoHalfDays() {
        // 10:00 to 01:00 the next day, Paris winter time (UTC+1).
        List<LocalSpans.Piece> pieces = LocalSpans.split(Instant.parse("2026-01-12T09:00:00Z"), Instant.parse("2026-01-13T00:00:00Z"), PARIS);

        assertEquals(3, pieces.size());
        assertEquals(2 * 3600, pieces.get(0).seconds());
        assertEquals(true, pieces.get(0).morning());
        assertEquals(12 * 3600, pieces.get(1).seconds());
        assertEquals(LocalDate.of(2026, 1, 13), pieces.get(2).date());
        assertEquals(3600, pieces.get(2).seconds());
    }

    @Test
    void theSpringForwardNightHasOneHourLess() {
        // Midnight to noon local on 29 March 2026, when Paris skips 02:00-03:00: 11 hours elapse.
        Instant start = LocalDate.of(2026, 3, 29).atStartOfDay(PARIS).toInstant();
        Instant end = LocalDate.of(2026, 3, 29).atTime(LocalTime.NOON).atZone(PARIS).toInstant();

        List<LocalSpans.Piece> pieces = LocalSpans.split(start, end, PARIS);

        assertEquals(1, pieces.size());
        assertEquals(11 * 3600, pieces.get(0).seconds());
    }

    @Test
    void theFallBackNightHasOneHourMore() {
        // 25 October 2026 repeats 02:00-03:00 in Paris: from midnight to 06:00 local, 7 hours elapse, and the
        // window 00:00-06:00 of that date holds all of them.
        Instant start = LocalDate.of(2026, 10, 25).atStartOfDay(PARIS).toInstant();
        Instant end = LocalDate.of(2026, 10, 25).atTime(6, 0).atZone(PARIS).toInstant();

        assertEquals(7 * 3600, LocalSpans.split(start, end, PARIS).get(0).seconds());
        assertEquals(7 * 3600, LocalSpans.secondsWithin(start, end, LocalDate.of(2026, 10, 25), LocalTime.MIDNIGHT, LocalTime.of(6, 0), PARIS));
        assertEquals(0, LocalSpans.secondsWithin(start, end, LocalDate.of(2026, 10, 24), LocalTime.MIDNIGHT, LocalTime.of(6, 0), PARIS));
    }
}
