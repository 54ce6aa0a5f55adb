package dev.backlight.time.entries;

/** How a time entry was captured. */
public enum EntrySource {
    TIMER, MANUAL, IMPORT
}
