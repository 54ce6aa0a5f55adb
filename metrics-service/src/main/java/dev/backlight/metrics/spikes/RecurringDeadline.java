package dev.backlight.metrics.spikes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.backlight.support.tenancy.TenantScopedEntity;

/** A deadline that comes back by rule (pay dates, scheduling deadlines, report due dates, hiring waves, client dates). */
@Entity
@Table(name = "recurring_deadline")
class RecurringDeadline extends TenantScopedEntity {

    public enum Kind {
        /** The run's working days fall before the pay date: pay has to be ready when the day comes. */
        PAY_DATE,
        SCHEDULING_DEADLINE,
        REPORT_DUE,
        HIRING_WAVE,
        CLIENT_DATE,
        OTHER;

        /** Whether the run ends the working day before the date, rather than on it. */
        public boolean runEndsBeforeDate() {
            return this == PAY_DATE;
        }
    }

    /** What happens to an occurrence that falls on a holiday or the owner's day off. */
    public enum NonWorkingDay {
        EARLIER, LATER, SKIP, KEEP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "function_code")
    public String functionCode;

    @Column(name = "owner_employee_id")
    public Long ownerEmployeeId;

    @Column(name = "client_code")
    public String clientCode;

    @Column(name = "first_date")
    public LocalDate firstDate;

    public String rrule;

    @Column(name = "run_working_days")
    public int runWorkingDays;

    @Column(name = "expected_units")
    public BigDecimal expectedUnits;

    @Enumerated(EnumType.STRING)
    @Column(name = "non_working_day")
    public NonWorkingDay nonWorkingDay;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public int version;
}
