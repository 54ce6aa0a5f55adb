package dev.backlight.time.reports;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.backlight.support.tenancy.TenantScopedEntity;
import org.hibernate.annotations.Immutable;

/**
 * One month's finished time of one employee on one function (and client): what reports over whole months sum. The
 * database keeps it with the entries in their own transactions (see V9__monthly_hours.sql); nothing here writes it.
 */
@Entity
@Immutable
@Table(name = "monthly_hours")
class MonthlyHours extends TenantScopedEntity {

    @Id
    public Long id;

    /** The month's first day. */
    public LocalDate month;

    @Column(name = "employee_id")
    public Long employeeId;

    @Column(name = "function_id")
    public Long functionId;

    @Column(name = "client_account_id")
    public Long clientAccountId;

    public long seconds;

    /** How many entries the seconds came from; 0 once they have all been deleted or moved. */
    public int entries;
}
