package dev.backlight.time.interruptions;

/** Who or what interrupted the work; each points at a different fix (self-service, office hours, batching). */
public enum InterruptionKind {
    AGENT_QUESTION, SUPERVISOR_AD_HOC_REQUEST, HR_QUESTION, OTHER
}
