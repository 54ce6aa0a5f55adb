package dev.backlight.time.imports;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import from a tool made of the values it met: each project, task, tag, client or person, what it became
 * and on how many rows. Bounded: the first {@link #LIMIT} distinct values are listed.
 */
final class MappedValues {

    static final int LIMIT = 1000;

    private record Key(MappedValue.Kind kind, String value, String mappedTo) {
    }

    private final Map<Key, Long> counts = new LinkedHashMap<>();

    void count(MappedValue.Kind kind, String value, String mappedTo) {
        Key key = new Key(kind, value, mappedTo);
        if (counts.containsKey(key) || counts.size() < LIMIT) {
            counts.merge(key, 1L, Long::sum);
        }
    }

    /** By kind, then the values not mapped first, then the most rows. */
    List<MappedValue> values() {
        return counts.entrySet().stream()
                .map(e -> new MappedValue(e.getKey().kind(), e.getKey().value(), e.getKey().mappedTo(), e.getValue()))
                .sorted(Comparator.comparing(MappedValue::kind).thenComparing(v -> v.mappedTo() != null)
                        .thenComparing(Comparator.comparingLong(MappedValue::rows).reversed()))
                .toList();
    }
}
