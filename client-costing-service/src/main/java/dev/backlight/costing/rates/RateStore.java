package dev.backlight.costing.rates;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.rates.RateService.NewRate;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What {@link RateService} keeps in the database: each public method is one session or one transaction. */
@ApplicationScoped
class RateStore {

    private final LabourRateRepository rates;
    private final Caller caller;
    private final Clock clock;

    RateStore(LabourRateRepository rates, Caller caller, Clock clock) {
        this.rates = rates;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<LabourRate> store(NewRate input, String subject) {
        return rates.lockAndFind(input.scope(), subject).chain(existing -> {
            for (LabourRate other : existing) {
                boolean isRateChange = other.validTo == null && other.validFrom.isBefore(input.validFrom());
                if (isRateChange) {
                    other.validTo = input.validFrom();
                } else if (other.overlaps(input.validFrom(), input.validTo())) {
                    throw ApiException.conflict("overlapping-rate", "The rate overlaps rate " + other.id + " (from "
                            + other.validFrom + (other.validTo == null ? "" : " to " + other.validTo) + ") of the same "
                            + input.scope().name().toLowerCase() + "; end or delete that one first",
                            "conflictingRateId", other.id);
                }
            }
            LabourRate rate = new LabourRate();
            rate.scope = input.scope();
            rate.subject = subject;
            rate.validFrom = input.validFrom();
            rate.validTo = input.validTo();
            rate.hourlyRate = input.hourlyRate();
            rate.createdBy = caller.subject();
            rate.createdAt = Instant.now(clock);
            return rates.persist(rate);
        });
    }
}
