package dev.backlight.time.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A line of an import as it goes into import_row: its values interpreted, or the reason it is rejected. The
 * property order is the column order of the COPY that writes it.
 */
@JsonPropertyOrder({"jobId", "line", "tenantId", "externalRef", "employeeEmail", "functionCode", "clientCode",
        "startedAt", "endedAt", "zone", "workDate", "durationSeconds", "notes", "rejectedField", "rejectReason"})
record StagedRow(UUID jobId, long line, String tenantId, String externalRef, String employeeEmail, String functionCode,
        String clientCode, Instant startedAt, Instant endedAt, String zone, LocalDate workDate, Integer durationSeconds,
        String notes, String rejectedField, String rejectReason) {

    static final String COLUMNS = "job_id, line, tenant_id, external_ref, employee_email, function_code, client_code, "
            + "started_at, ended_at, zone, work_date, duration_seconds, notes, rejected_field, reject_reason";

    boolean rejected() {
        return rejectReason != null;
    }
}
