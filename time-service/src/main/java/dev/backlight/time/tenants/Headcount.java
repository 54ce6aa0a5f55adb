package dev.backlight.time.tenants;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import dev.backlight.support.tenancy.TenantScopedEntity;

/** The operation's size from a date on: front-line agents and all employees. */
@Entity
class Headcount extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    public int agents;

    public int employees;
}
