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
class OutputRepository implements PanacheRepository<OutputRecord> {

    /** Units finished in [from, to): records whose last day, periodEnd - 1, falls in the range. Summed in SQL. */
    public Uni<List<CapturedWork.UnitsRow>> unitsFinished(LocalDate from, LocalDate to, CapturedWork.By by) {
        String select = "select o.functionCode, " + by.employee + ", " + by.client
                + ", sum(o.units), coalesce(sum(cast(o.employeesCovered as Long) * o.units), 0L)"
                + ", coalesce(sum(case when o.employeesCovered is not null then o.units else 0 end), 0L), count(o) from OutputRecord o "
                + "where o.periodEnd > :from and o.periodEnd <= :to group by o.functionCode"
                + (by == CapturedWork.By.EMPLOYEE ? ", o.employeeId" : by == CapturedWork.By.CLIENT ? ", o.clientCode" : "");
        return getSession().chain(session -> session.createSelectionQuery(select, CapturedWork.UnitsRow.class)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    public Uni<ListPage<OutputRecord>> search(LocalDate from, LocalDate to, String functionCode, Long employeeId, PageRequest page) {
        StringBuilder where = new StringBuilder("periodEnd > :from and periodEnd <= :to");
        Parameters params = Parameters.with("from", from).and("to", to);
        if (functionCode != null) {
            where.append(" and functionCode = :function");
            params.and("function", functionCode);
        }
        if (employeeId != null) {
            where.append(" and employeeId = :employee");
            params.and("employee", employeeId);
        }
        return ListPage.of(find(where + " order by periodEnd, id", params), page);
    }

    /**
     * The record stored under {@code externalRef}, or null; locks the key for the rest of the transaction so that a
     * parallel call with the same key waits and then sees this transaction's insert. Call inside a transaction.
     */
    public Uni<OutputRecord> lockAndFindByExternalRef(String externalRef) {
        return getSession().chain(session -> KeyLock.acquire(session, "output_record", externalRef))
                .chain(() -> find("externalRef", externalRef).firstResult());
    }
}
