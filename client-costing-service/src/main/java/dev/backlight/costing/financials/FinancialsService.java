package dev.backlight.costing.financials;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.upstream.DirectoryService;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Each client account's revenue and agent cost per month, set by tenant admins. */
@ApplicationScoped
public class FinancialsService {

    public record MonthFigures(BigDecimal revenue, BigDecimal agentCost, Integer agentHeadcount, String currency) {
    }

    /** The stored month, and whether this call created it. */
    public record Saved(ClientMonth month, boolean created) {
    }

    private final ClientMonthRepository months;
    private final DirectoryService directory;
    private final Caller caller;
    private final Clock clock;

    FinancialsService(ClientMonthRepository months, DirectoryService directory, Caller caller, Clock clock) {
        this.months = months;
        this.directory = directory;
        this.caller = caller;
        this.clock = clock;
    }

    /** Sets a client's month; sending the same figures again changes nothing. */
    public Uni<Saved> put(String clientCode, YearMonth month, MonthFigures figures, String ifMatch) {
        return directory.load().invoke(dir -> {
            dir.checkClientInPath(clientCode);
            dir.checkCurrency(figures.currency());
        }).chain(dir -> store(clientCode, month, figures, ifMatch));
    }

    @WithTransaction
    Uni<Saved> store(String clientCode, YearMonth month, MonthFigures figures, String ifMatch) {
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

    @WithSession
    public Uni<List<ClientMonth>> between(YearMonth from, YearMonth to) {
        return months.between(from.atDay(1), to.plusMonths(1).atDay(1));
    }

    @WithTransaction
    public Uni<Void> delete(String clientCode, YearMonth month, String ifMatch) {
        return months.find("clientCode = ?1 and month = ?2", clientCode, month.atDay(1)).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("client month", clientCode + " " + month))
                .invoke(found -> Versions.checkIfMatch(ifMatch, found.revision()))
                .chain(months::delete);
    }
}
