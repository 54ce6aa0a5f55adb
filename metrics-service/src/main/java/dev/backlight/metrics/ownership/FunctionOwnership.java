package dev.backlight.metrics.ownership;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.backlight.support.tenancy.TenantScopedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One function's owner (responsible for the result, not for parts of it), backup, handoff points and "done". */
@Entity
@Table(name = "function_ownership")
class FunctionOwnership extends TenantScopedEntity {

    /** Where the work passes from one party to another, and what has to be true at that point. */
    public record Handoff(String from, String to, String when) {
    }

    /** The column's JSON is an object around the list: the reactive driver decodes JSON columns as objects only. */
    public record Handoffs(List<Handoff> points) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "function_code")
    public String functionCode;

    @Column(name = "owner_employee_id")
    public Long ownerEmployeeId;

    @Column(name = "backup_employee_id")
    public Long backupEmployeeId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Handoffs handoffs = new Handoffs(List.of());

    @Column(name = "definition_of_done")
    public String definitionOfDone;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
