package dev.backlight.time.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.time.tenants.TenantProfile;
import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The import pipeline's database work, over JDBC on worker threads: COPY streams the rows into import_row as they
 * are read, and the checks and the write are a handful of set-wise statements in one transaction, whatever the number
 * of rows. The tenant filter of the entities does not reach plain SQL, so every statement names the tenant.
 */
@ApplicationScoped
class ImportStore {

    private static final Logger LOG = Logger.getLogger(ImportStore.class);

    /** Raw values for COPY (FORMAT csv): unlike API CSV, nothing is neutralised; an empty cell is NULL. */
    private static final CsvMapper COPY_CSV = CsvMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final AgroalDataSource database;

    ImportStore(AgroalDataSource database) {
        this.database = database;
    }

    /** Counts of a finished run. */
    record Counts(long checked, long written, long alreadyPresent, long rejected) {
    }

    TenantProfile tenant(String tenantId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id, name, time_zone, currency, week_start, version FROM timekeeping.tenant WHERE id = ?")) {
            query.setString(1, tenantId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new TenantProfile(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), DayOfWeek.valueOf(row.getString(5)), row.getLong(6)) : null;
            }
        }
    }

    void createJob(UUID id, String tenantId, ImportMode mode, ImportFormat format, String createdBy, Instant now) throws SQLException {
        update("""
                INSERT INTO timekeeping.import_job (id, tenant_id, mode, format, state, created_by, created_at, heartbeat_at)
                VALUES (?, ?, ?, ?, 'RECEIVING', ?, ?, ?)""", id, tenantId, mode.name(), format.name(), createdBy,
                Timestamp.from(now), Timestamp.from(now));
    }

    void progress(UUID id, ImportState state, long rowsRead, long rowsChecked) throws SQLException {
        update("UPDATE timekeeping.import_job SET state = ?, rows_read = ?, rows_checked = ? WHERE id = ?",
                state.name(), rowsRead, rowsChecked, id);
    }

    void finish(UUID id, ImportState state, Counts counts, String message, Instant now) throws SQLException {
        update("""
                UPDATE timekeeping.import_job SET state = ?, rows_checked = ?, rows_written = ?, rows_already_present = ?,
                       rows_rejected = ?, message = ?, finished_at = ? WHERE id = ?""",
                state.name(), counts.checked(), counts.written(), counts.alreadyPresent(), counts.rejected(), message,
                Timestamp.from(now), id);
    }

    void fail(UUID id, String message, Instant now) throws SQLException {
        update("UPDATE timekeeping.import_job SET state = 'FAILED', message = ?, finished_at = ? WHERE id = ?",
                message, Timestamp.from(now), id);
    }

    /** Renews the heartbeat of the jobs this replica is working on. */
    void beat(Collection<UUID> jobs, Instant now) throws SQLException {
        if (!jobs.isEmpty()) {
            update("UPDATE timekeeping.import_job SET heartbeat_at = ? WHERE id = ANY (?)", Timestamp.from(now),
                    jobs.toArray(UUID[]::new));
        }
    }

    /**
     * Jobs whose replica stopped renewing them (it stopped or crashed) can never finish: they fail, saying to run the
     * import again. Nothing of them was written, since the write is one transaction.
     */
    int failAbandoned(Instant silentSince, Instant now) throws SQLException {
        return update("""
                UPDATE timekeeping.import_job SET state = 'FAILED', finished_at = ?,
                       message = 'The service stopped during the import; nothing of it was written. Run it again.'
                 WHERE finished_at IS NULL AND heartbeat_at < ?""", Timestamp.from(now), Timestamp.from(silentSince));
    }

    /** Removes finished jobs created before {@code before}, with their rows. */
    int forgetFinishedBefore(Instant before) throws SQLException {
        update("DELETE FROM timekeeping.import_row r USING timekeeping.import_job j WHERE r.job_id = j.id "
                + "AND j.finished_at IS NOT NULL AND j.created_at < ?", Timestamp.from(before));
        return update("DELETE FROM timekeeping.import_job WHERE finished_at IS NOT NULL AND created_at < ?", Timestamp.from(before));
    }

    /** The job as the API shows it, when it is the tenant's; null otherwise. */
    ImportJobView job(UUID id, String tenantId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = prepare(connection, JOB_VIEW + " WHERE id = ? AND tenant_id = ?", id, tenantId);
                ResultSet row = query.executeQuery()) {
            return row.next() ? ImportJobView.of(row) : null;
        }
    }

    /** One page of the tenant's jobs, newest first, and how many there are. */
    ListPage<ImportJobView> jobs(String tenantId, PageRequest page) throws SQLException {
        try (Connection connection = database.getConnection()) {
            List<ImportJobView> items = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, JOB_VIEW + " WHERE tenant_id = ? ORDER BY created_at DESC, id "
                    + "LIMIT ? OFFSET ?", tenantId, page.size(), (long) page.page() * page.size());
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(ImportJobView.of(rows));
                }
            }
            try (PreparedStatement query = prepare(connection, "SELECT count(*) FROM timekeeping.import_job WHERE tenant_id = ?", tenantId);
                    ResultSet row = query.executeQuery()) {
                row.next();
                return new ListPage<>(items, page.page(), page.size(), row.getLong(1));
            }
        }
    }

    /** Up to {@code size} rejected rows of the tenant's job after the given line, in file order. */
    List<RejectedRow> rejections(UUID job, String tenantId, long afterLine, int size) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = prepare(connection, """
                        SELECT line, external_ref, rejected_field, reject_reason FROM timekeeping.import_row
                         WHERE job_id = ? AND tenant_id = ? AND reject_reason IS NOT NULL AND line > ?
                         ORDER BY line LIMIT ?""", job, tenantId, afterLine, size);
                ResultSet rows = query.executeQuery()) {
            List<RejectedRow> page = new ArrayList<>();
            while (rows.next()) {
                page.add(new RejectedRow(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
            return page;
        }
    }

    /** A rejected row as the immediate import reports it. */
    record Rejection(long line, String field, String reason, boolean conflict) {
    }

    /** The first {@code size} rejected rows of a job, in file order. */
    List<Rejection> firstRejections(UUID job, int size) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = prepare(connection, """
                        SELECT line, rejected_field, reject_reason, conflict FROM timekeeping.import_row
                         WHERE job_id = ? AND reject_reason IS NOT NULL ORDER BY line LIMIT ?""", job, size);
                ResultSet rows = query.executeQuery()) {
            List<Rejection> first = new ArrayList<>();
            while (rows.next()) {
                first.add(new Rejection(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBoolean(4)));
            }
            return first;
        }
    }

    private static final String JOB_VIEW = """
            SELECT id, state, mode, format, source_tool, rows_read, rows_checked, rows_written, rows_already_present,
                   rows_rejected, mapped, message, created_by, created_at, finished_at FROM timekeeping.import_job""";

    /** Records which tool the job's file came from and what its values were mapped to. */
    void mapped(UUID job, SourceTool tool, String mappedJson) throws SQLException {
        update("UPDATE timekeeping.import_job SET source_tool = ?, mapped = ?::jsonb WHERE id = ?", tool.name(), mappedJson, job);
    }

    /** The tenant's remembered mapping for imports from {@code tool}, if there is one. */
    Optional<ToolMappingView> mapping(String tenantId, SourceTool tool) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = prepare(connection,
                        "SELECT mapping::text, version FROM timekeeping.import_mapping WHERE tenant_id = ? AND tool = ?",
                        tenantId, tool.name());
                ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(ToolMappingView.of(row.getString(1), row.getLong(2))) : Optional.empty();
        }
    }

    /**
     * Remembers the tenant's mapping for {@code tool} and answers it with its new version; with {@code expectedVersion},
     * only over that version (0: none stored yet), else 412 naming the current one.
     */
    ToolMappingView saveMapping(String tenantId, SourceTool tool, String mappingJson, Long expectedVersion, String by, Instant now)
            throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement upsert = prepare(connection, """
                        INSERT INTO timekeeping.import_mapping AS m (tenant_id, tool, mapping, version, updated_by, updated_at)
                        VALUES (?, ?, ?::jsonb, 1, ?, ?)
                        ON CONFLICT (tenant_id, tool) DO UPDATE
                           SET mapping = excluded.mapping, version = m.version + 1, updated_by = excluded.updated_by,
                               updated_at = excluded.updated_at
                         WHERE ?::bigint IS NULL OR m.version = ?::bigint
                        RETURNING mapping::text, version""", tenantId, tool.name(), mappingJson, by, Timestamp.from(now),
                        expectedVersion, expectedVersion);
                ResultSet row = upsert.executeQuery()) {
            if (row.next()) {
                return ToolMappingView.of(row.getString(1), row.getLong(2));
            }
        }
        throw ApiException.preconditionFailed(mapping(tenantId, tool).map(ToolMappingView::etag).orElse("\"0\""));
    }

    /** A COPY into import_row, open until {@link Staging#commit()} or {@link Staging#close()} (which rolls back). */
    Staging staging() throws SQLException {
        return new Staging(database.getConnection());
    }

    static final class Staging implements AutoCloseable {

        private final Connection connection;
        private final PGCopyOutputStream copy;
        private final SequenceWriter rows;
        private boolean committed;

        Staging(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "COPY timekeeping.import_row (" + StagedRow.COLUMNS + ") FROM STDIN WITH (FORMAT csv)", 1 << 16);
            try {
                rows = COPY_CSV.writer(COPY_CSV.schemaFor(StagedRow.class).withoutHeader())
                        .writeValues(new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(StagedRow row) {
            try {
                rows.write(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void commit() throws SQLException, IOException {
            rows.close(); // ends the COPY
            connection.commit();
            committed = true;
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!committed) {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                    connection.rollback();
                }
            } finally {
                connection.close();
            }
        }
    }

    /**
     * Checks the staged rows of a job against the tenant's data and writes the accepted ones, in one transaction that
     * holds the time-change lock of every employee the file names (the lock captures take), so nothing changes their
     * time between the checks and the write. Each check marks the rows it rejects; later checks see only the rest.
     */
    Counts checkAndWrite(UUID job, TenantProfile tenant, ImportMode mode, Instant now, LongConsumer writing) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Counts counts = checkAndWrite(connection, job, tenant, mode, now, writing);
                connection.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Counts checkAndWrite(Connection db, UUID job, TenantProfile tenant, ImportMode mode, Instant now,
            LongConsumer writing) throws SQLException {
        String t = tenant.id();
        run(db, "SET LOCAL statement_timeout = '15min'");
        // The rows just copied in are unknown to the planner until analysed; without it, it joins them by nested loops.
        run(db, "ANALYZE timekeeping.import_row");
        query(db, """
                SELECT e.id FROM timekeeping.employee e
                 WHERE e.tenant_id = ? AND lower(e.email) IN (SELECT lower(employee_email) FROM timekeeping.import_row WHERE job_id = ?)
                 ORDER BY e.id FOR UPDATE""", t, job);
        // References: employees by email, in any case (and their zone where the row gives none), functions and clients by code.
        // One pass over the rows for employee and function, since every row names both.
        run(db, """
                UPDATE timekeeping.import_row r SET employee_id = e.id, zone = coalesce(r.zone, e.time_zone), function_id = f.id
                  FROM timekeeping.import_row s
                  LEFT JOIN timekeeping.employee e ON e.tenant_id = ? AND lower(e.email) = lower(s.employee_email)
                  LEFT JOIN timekeeping.work_function f ON f.tenant_id = ? AND f.code = s.function_code AND f.retired_at IS NULL
                 WHERE r.job_id = ? AND r.reject_reason IS NULL AND s.job_id = r.job_id AND s.line = r.line""", t, t, job);
        reject(db, job, "employee_id IS NULL", "'employeeEmail'", "'no employee has this email'");
        reject(db, job, "function_id IS NULL", "'functionCode'", "'does not exist or is retired'");
        run(db, """
                UPDATE timekeeping.import_row r SET client_id = c.id FROM timekeeping.client_account c
                 WHERE r.job_id = ? AND r.reject_reason IS NULL AND r.client_code IS NOT NULL AND c.tenant_id = ?
                   AND c.code = r.client_code AND c.active""", job, t);
        reject(db, job, "client_code IS NOT NULL AND client_id IS NULL", "'clientCode'", "'does not exist or is inactive'");
        // externalRef: once per file; a row recorded before with the same content is already present (a re-run).
        run(db, """
                UPDATE timekeeping.import_row r
                   SET rejected_field = 'externalRef', reject_reason = 'duplicates line ' || d.first_line || ' (the same externalRef)'
                  FROM (SELECT external_ref, min(line) AS first_line FROM timekeeping.import_row
                         WHERE job_id = ? AND external_ref IS NOT NULL GROUP BY external_ref HAVING count(*) > 1) d
                 WHERE r.job_id = ? AND r.reject_reason IS NULL AND r.external_ref = d.external_ref AND r.line > d.first_line""",
                job, job);
        run(db, """
                UPDATE timekeeping.import_row r SET outcome = 'PRESENT' FROM timekeeping.time_entry t
                 WHERE r.job_id = ? AND r.reject_reason IS NULL AND t.tenant_id = ? AND t.external_ref = r.external_ref
                   AND t.employee_id = r.employee_id AND t.function_id = r.function_id
                   AND t.client_account_id IS NOT DISTINCT FROM r.client_id
                   AND t.started_at IS NOT DISTINCT FROM r.started_at AND t.ended_at IS NOT DISTINCT FROM r.ended_at
                   AND t.work_date = r.work_date AND t.duration_seconds IS NOT DISTINCT FROM r.duration_seconds
                   AND t.notes IS NOT DISTINCT FROM r.notes""", job, t);
        run(db, """
                UPDATE timekeeping.import_row r SET rejected_field = 'externalRef',
                       conflict = true, reject_reason = 'is already recorded, as entry ' || t.id || ', with other values'
                  FROM timekeeping.time_entry t
                 WHERE r.job_id = ? AND r.reject_reason IS NULL AND r.outcome IS NULL AND t.tenant_id = ?
                   AND t.external_ref = r.external_ref""", job, t);
        // Days that may not change: locked periods and submitted or approved weeks.
        run(db, """
                UPDATE timekeeping.import_row r SET rejected_field = CASE WHEN r.started_at IS NULL THEN 'workDate' ELSE 'startedAt' END,
                       conflict = true, reject_reason = 'falls in the locked period ' || l.first_day || ' to ' || l.last_day
                  FROM timekeeping.period_lock l
                 WHERE r.job_id = ? AND r.reject_reason IS NULL AND r.outcome IS NULL AND l.tenant_id = ?
                   AND r.work_date BETWEEN l.first_day AND l.last_day""", job, t);
        run(db, """
                UPDATE timekeeping.import_row r SET rejected_field = CASE WHEN r.started_at IS NULL THEN 'workDate' ELSE 'startedAt' END,
                       conflict = true, reject_reason = 'falls in the week of ' || s.week_start || ', which is ' || lower(s.status) || '; reopen it first'
                  FROM timekeeping.timesheet s
                 WHERE r.job_id = ? AND r.reject_reason IS NULL AND r.outcome IS NULL AND s.tenant_id = ?
                   AND s.employee_id = r.employee_id AND s.status IN ('SUBMITTED', 'APPROVED')
                   AND s.week_start = r.work_date - ((extract(isodow FROM r.work_date)::int - ? + 7) % 7)""",
                job, t, tenant.weekStart().getValue());
        // Overlaps: with time already recorded (a running timer extends to infinity), then between rows of the file.
        run(db, """
                UPDATE timekeeping.import_row r SET conflict = true, rejected_field = 'startedAt', reject_reason = 'overlaps entry ' || t.id
                  FROM timekeeping.time_entry t
                 WHERE r.job_id = ? AND r.reject_reason IS NULL AND r.outcome IS NULL AND r.started_at IS NOT NULL
                   AND t.tenant_id = ? AND t.employee_id = r.employee_id AND t.started_at IS NOT NULL
                   AND tstzrange(t.started_at, coalesce(t.ended_at, 'infinity'), '[)') && tstzrange(r.started_at, r.ended_at, '[)')""",
                job, t);
        run(db, """
                UPDATE timekeeping.import_row r SET rejected_field = 'startedAt',
                       conflict = true, reject_reason = 'overlaps an earlier row of this file for the same employee'
                  FROM (SELECT line, started_at, max(ended_at) OVER (PARTITION BY employee_id ORDER BY started_at, line
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end
                          FROM timekeeping.import_row
                         WHERE job_id = ? AND reject_reason IS NULL AND outcome IS NULL AND started_at IS NOT NULL) o
                 WHERE r.job_id = ? AND r.line = o.line AND o.earlier_end > o.started_at""", job, job);
        // Day totals: what the day holds already plus what the file adds, at most 24 h.
        run(db, """
                UPDATE timekeeping.import_row r SET rejected_field = CASE WHEN r.started_at IS NULL THEN 'workDate' ELSE 'startedAt' END,
                       conflict = true, reject_reason = 'the day ' || d.work_date || ' would hold ' || ((d.added + d.recorded) / 60)
                                       || ' minutes, more than 24 h'
                  FROM (SELECT f.employee_id, f.work_date, f.added, coalesce(sum(t.duration_seconds), 0) AS recorded
                          FROM (SELECT employee_id, work_date, sum(duration_seconds) AS added FROM timekeeping.import_row
                                 WHERE job_id = ? AND reject_reason IS NULL AND outcome IS NULL GROUP BY employee_id, work_date) f
                          LEFT JOIN timekeeping.time_entry t ON t.tenant_id = ? AND t.employee_id = f.employee_id
                               AND t.work_date = f.work_date AND t.duration_seconds IS NOT NULL
                         GROUP BY f.employee_id, f.work_date, f.added) d
                 WHERE r.job_id = ? AND r.reject_reason IS NULL AND r.outcome IS NULL AND r.employee_id = d.employee_id
                   AND r.work_date = d.work_date AND d.added + d.recorded > 86400""", job, t, job);

        long rejected = count(db, "reject_reason IS NOT NULL", job);
        long present = count(db, "reject_reason IS NULL AND outcome = 'PRESENT'", job);
        long total = count(db, "true", job);
        long written = 0;
        if (mode != ImportMode.DRY_RUN && (rejected == 0 || mode == ImportMode.VALID_ROWS)) {
            writing.accept(total);
            Timestamp at = Timestamp.from(now);
            written = run(db, """
                    INSERT INTO timekeeping.time_entry (tenant_id, employee_id, function_id, client_account_id, started_at,
                           ended_at, zone, work_date, duration_seconds, source, notes, external_ref, created_at, updated_at)
                    SELECT tenant_id, employee_id, function_id, client_id, started_at, ended_at, zone, work_date,
                           duration_seconds, 'IMPORT', notes, external_ref, ?, ?
                      FROM timekeeping.import_row
                     WHERE job_id = ? AND tenant_id = ? AND reject_reason IS NULL AND outcome IS NULL ORDER BY line""",
                    at, at, job, t);
        }
        // Only the rejected rows are kept, for the job's report.
        run(db, "DELETE FROM timekeeping.import_row WHERE job_id = ? AND reject_reason IS NULL", job);
        return new Counts(total, written, present, rejected);
    }

    private static void reject(Connection db, UUID job, String condition, String field, String reason) throws SQLException {
        run(db, "UPDATE timekeeping.import_row SET rejected_field = " + field + ", reject_reason = " + reason
                + " WHERE job_id = ? AND reject_reason IS NULL AND " + condition, job);
    }

    private static long count(Connection db, String condition, UUID job) throws SQLException {
        try (PreparedStatement query = prepare(db, "SELECT count(*) FROM timekeeping.import_row WHERE job_id = ? AND " + condition, job);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return run(connection, sql, parameters);
        }
    }

    private static int run(Connection db, String sql, Object... parameters) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement statement = prepare(db, sql, parameters)) {
            int rows = statement.executeUpdate();
            if (LOG.isDebugEnabled()) {
                LOG.debugf("%d rows in %d ms: %s", rows, (System.nanoTime() - started) / 1_000_000, sql.strip().lines().findFirst().orElse(""));
            }
            return rows;
        }
    }

    private static void query(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, parameters); ResultSet ignored = statement.executeQuery()) {
            // Executed for its row locks.
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i] instanceof UUID[] ids ? db.createArrayOf("uuid", ids) : parameters[i]);
        }
        return statement;
    }
}
