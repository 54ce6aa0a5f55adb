package dev.backlight.metrics.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.domain.OutputRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OutputRepository implements PanacheRepository<OutputRecord> {

    /** Units of one group: the dimension's key is null when not grouped by it. */
    public record UnitsRow(String functionCode, Long employeeId, String clientCode, long units, long employeesCovered,
            long records) {
    }

    /** The dimension a units total is broken down by, besides the function. */
    public enum By {
        FUNCTION("null", "null"), EMPLOYEE("o.employeeId", "null"), CLIENT("null", "o.clientCode");

        final String employee;
        final String client;

        By(String employee, String client) {
            this.employee = employee;
            this.client = client;
        }
    }

    /** Units finished in [from, to): records whose last day, periodEnd - 1, falls in the range. Summed in SQL. */
    public Uni<List<UnitsRow>> unitsFinished(LocalDate from, LocalDate to, By by) {
        String select = "select new " + UnitsRow.class.getName() + "(o.functionCode, " + by.employee + ", " + by.client
                + ", sum(o.units), coalesce(sum(o.employeesCovered), 0), count(o)) from OutputRecord o "
                + "where o.periodEnd > :from and o.periodEnd <= :to group by o.functionCode"
                + (by == By.EMPLOYEE ? ", o.employeeId" : by == By.CLIENT ? ", o.clientCode" : "");
        return find(select, Parameters.with("from", from).and("to", to)).project(UnitsRow.class).list();
    }

    public Uni<List<OutputRecord>> search(LocalDate from, LocalDate to, String functionCode, Long employeeId, Page page) {
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
        return find(where + " order by periodEnd, id", params).page(page).list();
    }

    public Uni<OutputRecord> findByExternalRef(String externalRef) {
        return find("externalRef", externalRef).firstResult();
    }
}
