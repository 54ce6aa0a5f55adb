package dev.backlight.costing.financials;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.upstream.DirectoryService;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
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

    private final FinancialsStore store;
    private final ClientMonthRepository months;
    private final DirectoryService directory;

    FinancialsService(ClientMonthRepository months, DirectoryService directory, FinancialsStore store) {
        this.months = months;
        this.directory = directory;
        this.store = store;
    }

    /** Sets a client's month; sending the same figures again changes nothing. */
    public Uni<Saved> put(String clientCode, YearMonth month, MonthFigures figures, String ifMatch) {
        return directory.checked(dir -> {
            dir.checkClientInPath(clientCode);
            dir.checkCurrency(figures.currency());
            return dir;
        }).chain(dir -> store.store(clientCode, month, figures, ifMatch));
    }

    @WithSession
    public Uni<List<ClientMonth>> between(YearMonth from, YearMonth to) {
        return months.between(from.atDay(1), to.plusMonths(1).atDay(1));
    }

    /** One client's figures for one month, as the margin calculations read them. */
    public record ClientMonthFigures(String clientCode, YearMonth month, BigDecimal revenue, BigDecimal agentCost,
            Integer agentHeadcount) {
    }

    /** The figures of the months [from, to], every client's. */
    @WithSession
    public Uni<List<ClientMonthFigures>> figuresBetween(YearMonth from, YearMonth to) {
        return months.between(from.atDay(1), to.plusMonths(1).atDay(1)).map(list -> list.stream()
                .map(m -> new ClientMonthFigures(m.clientCode, YearMonth.from(m.month), m.revenue, m.agentCost, m.agentHeadcount))
                .toList());
    }

    @WithTransaction
    public Uni<Void> delete(String clientCode, YearMonth month, String ifMatch) {
        return months.find("clientCode = ?1 and month = ?2", clientCode, month.atDay(1)).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("client month", clientCode + " " + month))
                .invoke(found -> Versions.checkIfMatch(ifMatch, found.revision()))
                .chain(months::delete);
    }
}
