package dev.backlight.costing.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.backlight.costing.rates.LabourRate.Scope;

/**
 * Which hourly rate applies to an employee on a day: their own, else their team's, else the tenant's, else the seed's
 * $25 an hour. Rates change on dates, never retroactively: a day is costed at the rate in force on that day.
 */
public final class RateBook {

    /** The seed's back-office labour rate, used until a tenant sets its own. */
    static final BigDecimal SEED_RATE = new BigDecimal("25.00");

    /** Where a rate came from. */
    public enum Source {
        EMPLOYEE, TEAM, TENANT, SEED_DEFAULT
    }

    public record Rate(BigDecimal hourly, Source source) {
    }

    /** A span of days [from, to) in which no rate changes. */
    public record Segment(LocalDate from, LocalDate to) {
    }

    private final List<LabourRate> rates;
    private final Map<Long, String> teams;

    RateBook(List<LabourRate> rates, Map<Long, String> teams) {
        this.rates = rates;
        this.teams = teams;
    }

    /** The book of a tenant that never set a rate: every hour at the seed's rate. */
    public static RateBook seedOnly() {
        return new RateBook(List.of(), Map.of());
    }

    /** The same rates, with the teams that team rates apply to (employee id to team). */
    public RateBook withTeams(Map<Long, String> employeeTeams) {
        return new RateBook(rates, employeeTeams);
    }

    public Rate rateFor(Long employeeId, LocalDate day) {
        if (employeeId != null) {
            BigDecimal own = find(Scope.EMPLOYEE, String.valueOf(employeeId), day);
            if (own != null) {
                return new Rate(own, Source.EMPLOYEE);
            }
            String team = teams.get(employeeId);
            BigDecimal ofTeam = team == null ? null : find(Scope.TEAM, team, day);
            if (ofTeam != null) {
                return new Rate(ofTeam, Source.TEAM);
            }
        }
        BigDecimal tenant = find(Scope.TENANT, "", day);
        return tenant != null ? new Rate(tenant, Source.TENANT) : new Rate(SEED_RATE, Source.SEED_DEFAULT);
    }

    /** [from, to) cut at every date a rate starts or ends, so each piece can be costed at one rate per employee. */
    public List<Segment> segments(LocalDate from, LocalDate to) {
        TreeSet<LocalDate> cuts = new TreeSet<>();
        for (LabourRate rate : rates) {
            cuts.add(rate.validFrom);
            if (rate.validTo != null) {
                cuts.add(rate.validTo);
            }
        }
        List<Segment> segments = new ArrayList<>();
        LocalDate start = from;
        for (LocalDate cut : cuts.subSet(from, false, to, false)) {
            segments.add(new Segment(start, cut));
            start = cut;
        }
        segments.add(new Segment(start, to));
        return segments;
    }

    private BigDecimal find(Scope scope, String subject, LocalDate day) {
        for (LabourRate rate : rates) {
            if (rate.scope == scope && rate.subject.equals(subject) && rate.inForceOn(day)) {
                return rate.hourlyRate;
            }
        }
        return null;
    }
}
