package dev.backlight.support.rest;

import java.time.LocalDate;

/** A request's period as days [start, end), whatever unit the request gives it in; checked by {@link ValidRange}. */
public interface Span {

    LocalDate start();

    LocalDate end();

    /** A tighter longest period, in {@link ValidRange}'s unit, that the request's other parameters impose; 0 for none. */
    default int tighterLimit() {
        return 0;
    }
}
