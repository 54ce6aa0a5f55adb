package dev.backlight.metrics.capture;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.persistence.KeyLock;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class QualityEventRepository implements PanacheRepository<QualityEvent> {

    /** Findings that occurred in [from, to), summed in SQL. */
    public Uni<List<CapturedWork.FindingsRow>> findings(LocalDate from, LocalDate to, boolean byEmployee) {
        String employee = byEmployee ? "q.employeeId" : "cast(null as Long)";
        String select = "select q.functionCode, " + employee + ", q.kind, count(q), "
                + "sum(q.count), cast(avg(q.measured) as BigDecimal) from QualityEvent q "
                + "where q.occurredOn >= :from and q.occurredOn < :to group by q.functionCode, q.kind"
                + (byEmployee ? ", q.employeeId" : "");
        return getSession().chain(session -> session.createSelectionQuery(select, CapturedWork.FindingsRow.class)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    public Uni<ListPage<QualityEvent>> search(LocalDate from, LocalDate to, String functionCode, PageRequest page) {
        String where = "occurredOn >= :from and occurredOn < :to" + (functionCode == null ? "" : " and functionCode = :function");
        Parameters params = Parameters.with("from", from).and("to", to);
        if (functionCode != null) {
            params.and("function", functionCode);
        }
        return ListPage.of(find(where + " order by occurredOn, id", params), page);
    }

    /**
     * The record stored under {@code externalRef}, or null; locks the key for the rest of the transaction so that a
     * parallel call with the same key waits and then sees this transaction's insert. Call inside a transaction.
     */
    public Uni<QualityEvent> lockAndFindByExternalRef(String externalRef) {
        return getSession().chain(session -> KeyLock.acquire(session, "quality_event", externalRef))
                .chain(() -> find("externalRef", externalRef).firstResult());
    }
}
