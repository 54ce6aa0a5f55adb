package dev.backlight.costing.policy;

/** How back-office hours logged without a client (shared hours) are spread over the clients. */
public enum AllocationPolicy {
    /** Shown as unallocated, beside the clients. */
    NONE,
    /** In proportion to each client's revenue in the period. */
    REVENUE,
    /** In proportion to each client's direct back-office hours. */
    DIRECT_HOURS,
    /** In proportion to the agents serving each client (the months' average). */
    AGENT_HEADCOUNT
}
