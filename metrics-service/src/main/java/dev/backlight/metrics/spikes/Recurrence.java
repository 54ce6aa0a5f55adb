package dev.backlight.metrics.spikes;

import java.time.LocalDate;
import java.util.List;

import dev.backlight.support.problem.ApiException;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/** A deadline's RFC 5545 recurrence rule, read by ical4j; dates only, since deadlines are days. */
final class Recurrence {

    private final Recur<LocalDate> rule;

    private Recurrence(Recur<LocalDate> rule) {
        this.rule = rule;
    }

    /** The rule, or a 400 naming the field when it is not a valid daily-or-slower RRULE. */
    static Recurrence parse(String field, String text) {
        Recur<LocalDate> rule;
        try {
            rule = new Recur<>(text.strip().replaceFirst("(?i)^RRULE:", ""));
        } catch (RuntimeException e) {
            throw ApiException.invalidField(field, "is not an RFC 5545 recurrence rule: " + e.getMessage());
        }
        if (rule.getFrequency() == null || rule.getFrequency().compareTo(Frequency.DAILY) < 0) {
            throw ApiException.invalidField(field, "must recur daily or less often (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)");
        }
        return new Recurrence(rule);
    }

    /** The dates the rule produces from {@code first} on that fall in [from, to). */
    List<LocalDate> between(LocalDate first, LocalDate from, LocalDate to) {
        return rule.getDates(first, from, to.minusDays(1)).stream()
                .filter(d -> !d.isBefore(from) && d.isBefore(to) && !d.isBefore(first)).sorted().toList();
    }
}
