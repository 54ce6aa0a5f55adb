package dev.backlight.costing.financials;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.financials.FinancialsService.MonthFigures;
import dev.backlight.costing.financials.FinancialsService.Saved;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What {@link FinancialsService} keeps in the database: each public method is one session or one transaction. */
@ApplicationScoped
class FinancialsStore {

    private final ClientMonthRepository months;
    private final Caller caller;
    private final Clock clock;

    FinancialsStore(ClientMonthRepository months, Caller caller, Clock clock) {
        this.months = months;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Saved> store(String clientCode, YearMonth month, MonthFigures figures, String ifMatch) {
        return months.lockAndFind(clientCode, month.atDay(1)).chain(found -> {
            Versions.checkIfMatch(ifMatch, found == null ? 0 : found.revision());
            ClientMonth row = found != null ? found : new ClientMonth();
            row.clientCode = clientCode;
            row.month = month.atDay(1);
            row.revenue = figures.revenue().setScale(2);
            row.agentCost = figures.agentCost().setScale(2);
            row.agentHeadcount = figures.agentHeadcount();
            row.updatedBy = caller.subject();
            row.updatedAt = Instant.now(clock);
            return months.persist(row).map(stored -> new Saved(stored, found == null));
        });
    }
}
