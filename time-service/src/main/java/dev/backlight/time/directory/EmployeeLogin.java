package dev.backlight.time.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.backlight.support.tenancy.TenantScopedEntity;

/** One login an employee has, or had: who linked it and when, and who unlinked it. Never deleted. */
@Entity
@Table(name = "employee_login")
class EmployeeLogin extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "employee_id")
    public Long employeeId;

    public String subject;

    @Column(name = "linked_at")
    public Instant linkedAt;

    @Column(name = "linked_by")
    public String linkedBy;

    @Column(name = "unlinked_at")
    public Instant unlinkedAt;

    @Column(name = "unlinked_by")
    public String unlinkedBy;
}
