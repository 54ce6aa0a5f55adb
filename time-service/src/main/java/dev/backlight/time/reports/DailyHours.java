package dev.backlight.time.reports;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.backlight.support.tenancy.TenantScopedEntity;
import org.hibernate.annotations.Immutable;

/**
 * One day's finished time of one employee on one function (and client): the rollup the hours reports sum. The
 * database keeps it with the entries in their own transactions (see V5__daily_hours.sql); nothing here writes it.
 */
@Entity
@Immutable
@Table(name = "daily_hours")
class DailyHours extends TenantScopedEntity {

    @Id
    public Long id;

    @Column(name = "work_date")
    public LocalDate workDate;

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
