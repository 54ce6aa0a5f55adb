package dev.backlight.metrics.productivity;

/**
 * Where a figure falls against a function's benchmark. The seed's three bands leave gaps (payroll: efficient below
 * 4 h, reasonable 6-8 h); GOOD and NEEDS_ATTENTION name those gaps so every value has exactly one label.
 */
public enum Band {
    /** Below the efficient threshold. */
    EFFICIENT,
    /** Between efficient and reasonable. */
    GOOD,
    /** Within the reasonable range, ends included. */
    REASONABLE,
    /** Above reasonable but not beyond the slow threshold. */
    NEEDS_ATTENTION,
    /** Beyond the slow threshold. */
    SLOW,
    /** Hours were logged but no output was recorded, so there is nothing to compare. */
    NO_OUTPUT
}
