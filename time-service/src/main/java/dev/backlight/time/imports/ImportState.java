package dev.backlight.time.imports;

/** Where an import job is: RECEIVING → CHECKING → WRITING → DONE, or REJECTED (all or nothing) or FAILED. */
public enum ImportState {
    RECEIVING, CHECKING, WRITING, DONE, REJECTED, FAILED
}
