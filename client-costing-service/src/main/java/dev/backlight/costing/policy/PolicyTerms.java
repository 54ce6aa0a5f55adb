package dev.backlight.costing.policy;

import java.math.BigDecimal;

/** The tenant's costing rules as the costing features apply them: overtime, allocation of shared hours, baseline. */
public record PolicyTerms(BigDecimal overtimeWeeklyThreshold, BigDecimal overtimeMultiplier, AllocationPolicy allocation,
        BigDecimal singleClientBaselineHours) {

    /** The rules of a tenant that never set its own: the seed's overtime rule, no allocation, no baseline. */
    public static PolicyTerms defaults() {
        return of(CostingPolicy.defaults());
    }

    static PolicyTerms of(CostingPolicy policy) {
        return new PolicyTerms(policy.overtimeWeeklyThreshold, policy.overtimeMultiplier, policy.allocation,
                policy.singleClientBaselineHours);
    }
}
