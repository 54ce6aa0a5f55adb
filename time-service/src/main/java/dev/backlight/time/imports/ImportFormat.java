package dev.backlight.time.imports;

import dev.backlight.support.csv.Csv;

/**
 * The formats of an import: streamed, CSV with a header line or JSON Lines (one object per line); or a JSON array,
 * taken whole by the immediate import of a small batch.
 */
enum ImportFormat {
    CSV, JSON_LINES, JSON;

    static final String JSON_LINES_TYPE = "application/x-ndjson";
    static final String JSONL_TYPE = "application/jsonl";

    /** The format of a request's media type (parameters such as charset ignored); null when it is neither. */
    static ImportFormat of(String mediaType) {
        String type = mediaType == null ? "" : mediaType.split(";", 2)[0].trim().toLowerCase();
        if (type.equals(Csv.MEDIA_TYPE)) {
            return CSV;
        }
        return type.equals(JSON_LINES_TYPE) || type.equals(JSONL_TYPE) ? JSON_LINES : null;
    }
}
