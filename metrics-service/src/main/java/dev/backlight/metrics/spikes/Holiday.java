package dev.backlight.metrics.spikes;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.backlight.support.tenancy.TenantScopedEntity;

/** A day the tenant does not work; deadlines falling on it move or are skipped. */
@Entity
@Table(name = "holiday")
class Holiday extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public LocalDate day;

    public String name;
}
