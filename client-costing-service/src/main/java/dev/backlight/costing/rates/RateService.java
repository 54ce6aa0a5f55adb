package dev.backlight.costing.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.rates.LabourRate.Scope;
import dev.backlight.costing.upstream.DirectoryService;
import dev.backlight.support.problem.ApiException;
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

    private final RateStore store;
    private final LabourRateRepository rates;
    private final DirectoryService directory;

    RateService(LabourRateRepository rates, DirectoryService directory, RateStore store) {
        this.rates = rates;
        this.directory = directory;
        this.store = store;
    }

    public Uni<LabourRate> create(NewRate rate) {
        String subject = subject(rate);
        if (rate.validTo() != null && !rate.validTo().isAfter(rate.validFrom())) {
            throw ApiException.invalidField("validTo", "must be after validFrom");
        }
        return directory.checked(dir -> {
            dir.checkCurrency(rate.currency());
            if (rate.scope() == Scope.EMPLOYEE) {
                dir.checkEmployee(rate.employeeId());
            }
            return dir;
        }).chain(dir -> store.store(rate, subject));
    }

    @WithSession
    public Uni<List<LabourRate>> all() {
        return rates.all();
    }

    /** Every rate of the tenant as a book to cost hours with; team rates apply once it has the teams. */
    @WithSession
    public Uni<RateBook> book() {
        return rates.all().map(list -> new RateBook(list, Map.of()));
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
