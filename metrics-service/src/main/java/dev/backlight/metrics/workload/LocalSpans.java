package dev.backlight.metrics.workload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an interval of instants into the pieces that fall on each local day, morning and afternoon, in a zone. The
 * cuts are computed from instants, so a piece's length is real elapsed time, DST changes included.
 */
public final class LocalSpans {

    private LocalSpans() {
    }

    public record Piece(LocalDate date, boolean morning, Instant start, Instant end) {
        public long seconds() {
            return Duration.between(start, end).getSeconds();
        }
    }

    public static List<Piece> split(Instant start, Instant end, ZoneId zone) {
        List<Piece> pieces = new ArrayList<>();
        Instant cursor = start;
        while (cursor.isBefore(end)) {
            ZonedDateTime local = cursor.atZone(zone);
            LocalDate date = local.toLocalDate();
            boolean morning = local.toLocalTime().isBefore(LocalTime.NOON);
            Instant boundary = morning ? date.atTime(LocalTime.NOON).atZone(zone).toInstant()
                    : date.plusDays(1).atStartOfDay(zone).toInstant();
            Instant pieceEnd = boundary.isBefore(end) ? boundary : end;
            pieces.add(new Piece(date, morning, cursor, pieceEnd));
            cursor = pieceEnd;
        }
        return pieces;
    }

    /** Seconds of [start, end) that fall inside [from, until) of the given local date. */
    public static long secondsWithin(Instant start, Instant end, LocalDate date, LocalTime from, LocalTime until, ZoneId zone) {
        Instant windowStart = date.atTime(from).atZone(zone).toInstant();
        Instant windowEnd = date.atTime(until).atZone(zone).toInstant();
        Instant s = start.isAfter(windowStart) ? start : windowStart;
        Instant e = end.isBefore(windowEnd) ? end : windowEnd;
        return e.isAfter(s) ? Duration.between(s, e).getSeconds() : 0;
    }
}
