package dev.backlight.time.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import dev.backlight.support.tenancy.TenantScopedEntity;

/** What the rollups share: one employee's finished time on one function. */
@MappedSuperclass
abstract class HoursRollup extends TenantScopedEntity {

    @Id
    public Long id;

    @Column(name = "employee_id")
    public Long employeeId;

    @Column(name = "function_id")
    public Long functionId;

    public long seconds;

    /** How many entries the seconds came from; 0 once they have all been deleted or moved. */
    public int entries;
}
