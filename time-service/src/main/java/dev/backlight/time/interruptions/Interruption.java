package dev.backlight.time.interruptions;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import dev.backlight.support.tenancy.TenantScopedEntity;

/** One interruption of an employee's work and the minutes spent handling it. */
@Entity
class Interruption extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "employee_id")
    public Long employeeId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String zone;

    @Column(name = "work_date")
    public LocalDate workDate;

    @Enumerated(EnumType.STRING)
    public InterruptionKind kind;

    public int minutes;

    public String note;

    @Column(name = "created_at")
    public Instant createdAt;
}
