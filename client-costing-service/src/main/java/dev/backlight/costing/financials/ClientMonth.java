package dev.backlight.costing.financials;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.TenantScopedEntity;

/** A client account's revenue and agent cost for one month, in the tenant's currency. */
@Entity
@Table(name = "client_month")
class ClientMonth extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_code")
    public String clientCode;

    /** The first day of the month. */
    public LocalDate month;

    public BigDecimal revenue;

    @Column(name = "agent_cost")
    public BigDecimal agentCost;

    /** Agents serving the client that month; the weight of the agent-headcount allocation. */
    @Column(name = "agent_headcount")
    public Integer agentHeadcount;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** The version clients see: 0 stands for "no figures yet", so a first write can be conditional too. */
    public long revision() {
        return Versions.ofSettable(id != null, version);
    }
}
