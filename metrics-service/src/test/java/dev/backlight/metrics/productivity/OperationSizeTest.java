package dev.backlight.metrics.productivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.backlight.metrics.upstream.TimeServiceClient.Headcount;

/** The operation's size over a period, each headcount weighted by the days it was in force. */
class OperationSizeTest {

    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);

    @Test
    void aHeadcountChangeMidMonthIsWeightedByDays() {
        // 50 agents for 10 days, then 80 for 20 days: (500 + 1600) / 30 = 70.
        List<Headcount> history = List.of(new Headcount(LocalDate.of(2026, 4, 11), 80, 95), new Headcount(LocalDate.of(2026, 1, 1), 50, 60));

        OperationSize size = OperationSize.over(history, APRIL, MAY);

        assertEquals(new BigDecimal("70.00"), size.agents());
        assertEquals(new BigDecimal("83.33"), size.employees());
    }

    @Test
    void aPeriodBeforeTheFirstHeadcountTakesTheEarliestOne() {
        OperationSize size = OperationSize.over(List.of(new Headcount(LocalDate.of(2026, 6, 1), 40, 45)), APRIL, MAY);

        assertEquals(new BigDecimal("40"), size.agents());
    }

    @Test
    void noHeadcountMeansNoSize() {
        assertNull(OperationSize.over(List.of(), APRIL, MAY).agents());
    }
}
