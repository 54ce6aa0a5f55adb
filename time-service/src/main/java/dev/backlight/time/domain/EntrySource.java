package dev.backlight.time.domain;

/** How a time entry was captured. */
public enum EntrySource {
    TIMER, MANUAL, IMPORT
}
