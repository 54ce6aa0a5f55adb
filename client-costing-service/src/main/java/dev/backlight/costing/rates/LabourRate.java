package dev.backlight.costing.rates;

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

import dev.backlight.support.tenancy.TenantScopedEntity;

/**
 * An hourly back-office labour rate over [validFrom, validTo) (open-ended when validTo is null) for the whole tenant,
 * one team (the role people play in the back office) or one employee. The most specific rate in force on a day wins.
 */
@Entity
@Table(name = "labour_rate")
class LabourRate extends TenantScopedEntity {

    public enum Scope {
        TENANT, TEAM, EMPLOYEE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Scope scope;

    /** The employee id or team name; empty for the tenant-wide rate. */
    public String subject;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "hourly_rate")
    public BigDecimal hourlyRate;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return (validTo == null || from.isBefore(validTo)) && (to == null || validFrom.isBefore(to));
    }
}
