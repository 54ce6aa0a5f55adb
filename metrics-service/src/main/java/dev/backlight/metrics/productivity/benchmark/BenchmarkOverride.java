package dev.backlight.metrics.productivity.benchmark;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.TenantScopedEntity;

/** A tenant's own bands for one function, used instead of the standard ones. */
@Entity
@Table(name = "benchmark_override")
class BenchmarkOverride extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "function_code")
    public String functionCode;

    @Enumerated(EnumType.STRING)
    public Benchmark.Basis basis;

    @Enumerated(EnumType.STRING)
    public Benchmark.Scale scale;

    @Column(name = "reference_size")
    public Integer referenceSize;

    @Column(name = "efficient_below")
    public BigDecimal efficientBelow;

    @Column(name = "reasonable_from")
    public BigDecimal reasonableFrom;

    @Column(name = "reasonable_to")
    public BigDecimal reasonableTo;

    @Column(name = "slow_above")
    public BigDecimal slowAbove;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** The version clients see: 0 while the tenant has none of its own, so a first write can be conditional too. */
    public long revision() {
        return Versions.ofSettable(id != null, version);
    }

    public Benchmark toBenchmark() {
        return new Benchmark(functionCode, basis, scale, referenceSize, efficientBelow, reasonableFrom, reasonableTo, slowAbove, false);
    }
}
