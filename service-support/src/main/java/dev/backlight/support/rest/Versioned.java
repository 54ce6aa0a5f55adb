package dev.backlight.support.rest;

/**
 * A representation of an object that changes: its version is served as the {@code ETag}, and a change or deletion
 * sent with {@code If-Match} applies only to that version.
 */
public interface Versioned {

    long version();
}
