package dev.backlight.time.timesheets;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.backlight.support.tenancy.TenantScopedEntity;

/** The review state of one employee's week; the week's content is always derived from the time entries. */
@Entity
class Timesheet extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "employee_id")
    public Long employeeId;

    @Column(name = "week_start")
    public LocalDate weekStart;

    @Enumerated(EnumType.STRING)
    public TimesheetStatus status;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Version
    public long version;
}
