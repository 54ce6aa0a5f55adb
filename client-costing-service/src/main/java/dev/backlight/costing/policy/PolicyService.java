package dev.backlight.costing.policy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The tenant's overtime rule, allocation of shared hours and single-client baseline. */
@ApplicationScoped
public class PolicyService {

    public record PolicyInput(BigDecimal overtimeWeeklyThresholdHours, BigDecimal overtimeMultiplier, AllocationPolicy allocation,
            BigDecimal singleClientBaselineHoursPerMonth) {
    }

    private final CostingPolicyRepository policies;
    private final Caller caller;
    private final Clock clock;

    PolicyService(CostingPolicyRepository policies, Caller caller, Clock clock) {
        this.policies = policies;
        this.caller = caller;
        this.clock = clock;
    }

    @WithSession
    public Uni<CostingPolicy> current() {
        return policies.current();
    }

    /** The rules in force, the seed's defaults when the tenant never set its own. */
    @WithSession
    public Uni<PolicyTerms> terms() {
        return policies.current().map(PolicyTerms::of);
    }

    @WithTransaction
    public Uni<CostingPolicy> update(PolicyInput input, String ifMatch) {
        return policies.lockAndFind().chain(found -> {
            Versions.checkIfMatch(ifMatch, found == null ? 0 : found.revision());
            CostingPolicy policy = found != null ? found : CostingPolicy.defaults();
            policy.overtimeWeeklyThreshold = input.overtimeWeeklyThresholdHours();
            policy.overtimeMultiplier = input.overtimeMultiplier();
            policy.allocation = input.allocation();
            policy.singleClientBaselineHours = input.singleClientBaselineHoursPerMonth();
            policy.updatedBy = caller.subject();
            policy.updatedAt = Instant.now(clock);
            return policies.persist(policy);
        });
    }
}
