package dev.backlight.metrics.capture;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.backlight.support.tenancy.TenantScopedEntity;

/**
 * Units of a function's output produced over [periodStart, periodEnd): one day or a whole period entered in bulk.
 * The units count in whichever reporting period contains the last day, the day the output was finished.
 */
@Entity
@Table(name = "output_record")
class OutputRecord extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "function_code")
    public String functionCode;

    @Column(name = "employee_id")
    public Long employeeId;

    @Column(name = "client_code")
    public String clientCode;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    public int units;

    /** For pay cycles: how many employees each cycle paid, which payroll's benchmark scales by. */
    @Column(name = "employees_covered")
    public Integer employeesCovered;

    public String note;

    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
