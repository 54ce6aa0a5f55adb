package dev.backlight.support.rest;

import java.util.Set;

/**
 * A query parameter that names several values of an enum as one comma list ({@code groupBy=function,client}), in
 * either case; {@code none} or nothing names none. {@link StrictParameters} reads it, with a 400 naming the parameter
 * for a value that is not one of the enum's.
 */
public record Choices<E extends Enum<E>>(Set<E> values) {

    public Choices {
        values = Set.copyOf(values);
    }

    public boolean contains(E value) {
        return values.contains(value);
    }
}
