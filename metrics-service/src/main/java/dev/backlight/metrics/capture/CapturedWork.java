package dev.backlight.metrics.capture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** What was captured in a period, summed in SQL for the productivity figures. */
@ApplicationScoped
public class CapturedWork {

    /**
     * Units of one group: the dimension's key is null when not grouped by it. For pay cycles, {@code paidPerCycleTimesCycles}
     * sums each record's employees paid per cycle times its cycles, over the {@code cyclesWithHeadcount} cycles of
     * records that say how many they paid.
     */
    public record UnitsRow(String functionCode, Long employeeId, String clientCode, long units, long paidPerCycleTimesCycles,
            long cyclesWithHeadcount, long records) {
    }

    private static final String NO_EMPLOYEE = "cast(null as Long)";
    private static final String NO_CLIENT = "cast(null as String)";

    /** The dimension a units total is broken down by, besides the function. */
    public enum By {
        FUNCTION(NO_EMPLOYEE, NO_CLIENT), EMPLOYEE("o.employeeId", NO_CLIENT), CLIENT(NO_EMPLOYEE, "o.clientCode");

        final String employee;
        final String client;

        By(String employee, String client) {
            this.employee = employee;
            this.client = client;
        }
    }

    /** Findings of one kind for one function (and employee, when grouped by employee). */
    public record FindingsRow(String functionCode, Long employeeId, QualityKind kind, long events, long defects,
            BigDecimal averageMeasured) {
    }

    /** Units finished and quality findings in [from, to), in one session. */
    public record Totals(List<UnitsRow> units, List<FindingsRow> findings) {
    }

    private final OutputRepository outputs;
    private final QualityEventRepository findings;

    CapturedWork(OutputRepository outputs, QualityEventRepository findings) {
        this.outputs = outputs;
        this.findings = findings;
    }

    /** Units broken down {@code by} a dimension, findings per function (and per employee when {@code byEmployee}). */
    @WithSession
    public Uni<Totals> finishedIn(LocalDate from, LocalDate to, By by, boolean byEmployee) {
        return outputs.unitsFinished(from, to, by)
                .chain(units -> findings.findings(from, to, byEmployee).map(found -> new Totals(units, found)));
    }
}
