package dev.backlight.costing.financials;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.persistence.KeyLock;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class ClientMonthRepository implements PanacheRepository<ClientMonth> {

    /** Months whose first day is in [from, to), by client then month. */
    public Uni<List<ClientMonth>> between(LocalDate from, LocalDate to) {
        return find("month >= :from and month < :to order by clientCode, month", Parameters.with("from", from).and("to", to)).list();
    }

    /** The client's month, locked against a parallel upsert of the same one until the transaction ends. */
    public Uni<ClientMonth> lockAndFind(String clientCode, LocalDate month) {
        return getSession().chain(session -> KeyLock.acquire(session, "client_month", clientCode + "/" + month))
                .chain(() -> find("clientCode = ?1 and month = ?2", clientCode, month).firstResult());
    }
}
