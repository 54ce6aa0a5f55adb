package dev.backlight.costing.rates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.rates.LabourRate.Scope;
import dev.backlight.costing.upstream.DirectoryService;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Effective-dated labour rates. A new rate for a subject whose current rate is open-ended ends that one the day the
 * new one starts (a rate change); any other overlap is refused. Past days keep the rate they were costed at.
 */
@ApplicationScoped
public class RateService {

    public record NewRate(Scope scope, Long employeeId, String team, LocalDate validFrom, LocalDate validTo, BigDecimal hourlyRate,
            String currency) {
    }

    private final LabourRateRepository rates;
    private final DirectoryService directory;
    private final Caller caller;
    private final Clock clock;

    RateService(LabourRateRepository rates, DirectoryService directory, Caller caller, Clock clock) {
        this.rates = rates;
        this.directory = directory;
        this.caller = caller;
        this.clock = clock;
    }

    public Uni<LabourRate> create(NewRate rate) {
        String subject = subject(rate);
        if (rate.validTo() != null && !rate.validTo().isAfter(rate.validFrom())) {
            throw ApiException.invalidField("validTo", "must be after validFrom");
        }
        return directory.load().invoke(dir -> {
            dir.checkCurrency(rate.currency());
            if (rate.scope() == Scope.EMPLOYEE) {
                dir.checkEmployee(rate.employeeId());
            }
        }).chain(dir -> store(rate, subject));
    }

    @WithTransaction
    Uni<LabourRate> store(NewRate input, String subject) {
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

    @WithSession
    public Uni<List<LabourRate>> all() {
        return rates.all();
    }

    @WithTransaction
    public Uni<Void> delete(long id) {
        return rates.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("labour rate", id)).chain(rates::delete);
    }

    private static String subject(NewRate rate) {
        return switch (rate.scope()) {
            case TENANT -> {
                if (rate.employeeId() != null || rate.team() != null) {
                    throw ApiException.invalidField("scope", "TENANT rates name neither an employee nor a team");
                }
                yield "";
            }
            case TEAM -> {
                if (rate.team() == null || rate.team().isBlank()) {
                    throw ApiException.invalidField("team", "is required for a TEAM rate");
                }
                yield rate.team().trim();
            }
            case EMPLOYEE -> {
                if (rate.employeeId() == null) {
                    throw ApiException.invalidField("employeeId", "is required for an EMPLOYEE rate");
                }
                yield String.valueOf(rate.employeeId());
            }
        };
    }
}
