package dev.backlight.metrics.capture;

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

/** One quality check's finding: {@code count} defects, or a measured value for score and duration kinds. */
@Entity
@Table(name = "quality_event")
class QualityEvent extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "function_code")
    public String functionCode;

    @Enumerated(EnumType.STRING)
    public QualityKind kind;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    @Column(name = "employee_id")
    public Long employeeId;

    @Column(name = "client_code")
    public String clientCode;

    /** The output the finding concerns, when known. */
    @Column(name = "output_id")
    public Long outputId;

    public int count;

    public BigDecimal measured;

    public String note;

    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
