package dev.backlight.costing.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.costing.rates.LabourRate.Scope;
import dev.backlight.costing.rates.RateBook.Rate;
import dev.backlight.costing.rates.RateBook.Segment;
import dev.backlight.costing.rates.RateBook.Source;

/** Which hourly rate costs an employee's day: their own, their team's, the tenant's, or the seed's $25. */
class RateBookTest {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    private static LabourRate rate(Scope scope, String subject, String hourly, LocalDate from, LocalDate to) {
        LabourRate rate = new LabourRate();
        rate.scope = scope;
        rate.subject = subject;
        rate.hourlyRate = new BigDecimal(hourly);
        rate.validFrom = from;
        rate.validTo = to;
        return rate;
    }

    @Test
    void theMostSpecificRateInForceWins() {
        RateBook book = new RateBook(List.of(
                rate(Scope.TENANT, "", "30.00", MARCH, null),
                rate(Scope.TEAM, "payroll", "35.00", MARCH, null),
                rate(Scope.EMPLOYEE, "7", "40.00", MARCH, APRIL)), Map.of(7L, "payroll", 8L, "payroll", 9L, "scheduling"));

        assertEquals(new Rate(new BigDecimal("40.00"), Source.EMPLOYEE), book.rateFor(7L, MARCH));
        assertEquals(new Rate(new BigDecimal("35.00"), Source.TEAM), book.rateFor(7L, APRIL));
        assertEquals(new Rate(new BigDecimal("35.00"), Source.TEAM), book.rateFor(8L, MARCH));
        assertEquals(new Rate(new BigDecimal("30.00"), Source.TENANT), book.rateFor(9L, MARCH));
        assertEquals(new Rate(new BigDecimal("30.00"), Source.TENANT), book.rateFor(null, MARCH));
    }

    @Test
    void withoutAnyRateTheSeedsTwentyFiveDollarsApply() {
        RateBook book = new RateBook(List.of(rate(Scope.TENANT, "", "30.00", APRIL, null)), Map.of());

        assertEquals(new Rate(new BigDecimal("25.00"), Source.SEED_DEFAULT), book.rateFor(1L, MARCH));
    }

    @Test
    void aPeriodIsCutWhereverARateStartsOrEnds() {
        RateBook book = new RateBook(List.of(
                rate(Scope.TENANT, "", "30.00", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 10)),
                rate(Scope.EMPLOYEE, "7", "40.00", LocalDate.of(2026, 3, 20), null)), Map.of());

        assertEquals(List.of(new Segment(MARCH, LocalDate.of(2026, 3, 10)),
                new Segment(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 20)),
                new Segment(LocalDate.of(2026, 3, 20), APRIL)), book.segments(MARCH, APRIL));
        assertEquals(List.of(new Segment(APRIL, LocalDate.of(2026, 5, 1))), book.segments(APRIL, LocalDate.of(2026, 5, 1)));
    }
}
