package dev.backlight.time.imports;

/** What an import does with its valid rows when some rows are rejected. */
public enum ImportMode {
    /** One rejected row and nothing is written; the report says which rows to fix. */
    ALL_OR_NOTHING,
    /** The valid rows are written; the rejected ones are reported. */
    VALID_ROWS
}
