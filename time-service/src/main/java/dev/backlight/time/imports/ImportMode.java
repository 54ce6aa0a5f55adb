package dev.backlight.time.imports;

/** What an import does with its valid rows when some rows are rejected, or that it only tells what it would do. */
public enum ImportMode {
    /** One rejected row and nothing is written; the report says which rows to fix. */
    ALL_OR_NOTHING,
    /** The valid rows are written; the rejected ones are reported. */
    VALID_ROWS,
    /** Nothing is written: every row is checked and the job tells what would be written, skipped and rejected, and why. */
    DRY_RUN
}
