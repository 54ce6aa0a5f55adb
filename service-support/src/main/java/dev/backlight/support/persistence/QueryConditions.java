package dev.backlight.support.persistence;

import java.util.Map;

/** Optional filters of a query assembled from fixed paths: values always travel as named parameters, never as text. */
public final class QueryConditions {

    private QueryConditions() {
    }

    /** Appends {@code and path = :name} and its parameter when {@code value} is given; nothing otherwise. */
    public static void andEquals(StringBuilder where, Map<String, Object> parameters, String path, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(path).append(" = :").append(name);
            parameters.put(name, value);
        }
    }
}
