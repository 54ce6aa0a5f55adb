package dev.backlight.time.privacy;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What erasing an employee's personal data did. */
@Schema(name = "Erasure")
public record ErasureView(@Schema(example = "12") long employeeId, Instant erasedAt,
        @Schema(description = "Entries whose notes were removed; the entries and their hours stay", example = "40") int entryNotesRemoved,
        @Schema(description = "Interruptions whose notes were removed", example = "3") int interruptionNotesRemoved) {
}
