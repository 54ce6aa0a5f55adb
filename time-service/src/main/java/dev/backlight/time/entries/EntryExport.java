package dev.backlight.time.entries;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The entries of an export, read from one database cursor in (work date, id) order, the day index's: rows are fetched
 * as the client takes them (the stream's demand), so an export of any size holds one fetch in memory and the
 * database reads the range once. Plain SQL on the reactive client, for speed: it names the tenant itself.
 */
@ApplicationScoped
class EntryExport {

    /** Rows per fetch from the cursor. */
    private static final int FETCH = 2_000;

    private static final String SELECT = """
            SELECT e.id, e.employee_id, f.code, c.code, e.started_at, e.ended_at, e.zone, e.work_date, e.duration_seconds,
                   e.source, e.notes, e.external_ref, e.review_reason, e.version
              FROM timekeeping.time_entry e
              JOIN timekeeping.work_function f ON f.id = e.function_id
              LEFT JOIN timekeeping.client_account c ON c.id = e.client_account_id
             WHERE e.tenant_id = $1 AND e.work_date >= $2 AND e.work_date < $3""";

    private final Pool pool;

    EntryExport(Pool pool) {
        this.pool = pool;
    }

    Multi<TimeEntryView> stream(String tenantId, TimeEntryService.EntryFilter filter) {
        List<Object> parameters = new ArrayList<>(List.of(tenantId, filter.from(), filter.to()));
        StringBuilder sql = new StringBuilder(SELECT);
        equal(sql, parameters, "e.employee_id", filter.employeeId());
        equal(sql, parameters, "f.code", filter.functionCode());
        equal(sql, parameters, "c.code", filter.clientCode());
        equal(sql, parameters, "e.source", filter.source() == null ? null : filter.source().name());
        if (filter.needsReview() != null) {
            sql.append(filter.needsReview() ? " AND e.review_reason IS NOT NULL" : " AND e.review_reason IS NULL");
        }
        sql.append(" ORDER BY e.work_date, e.id");
        Tuple values = Tuple.from(parameters);
        return Multi.createFrom().resourceFromUni(pool::getConnection, connection -> read(connection, sql.toString(), values))
                .withFinalizer(SqlConnection::close);
    }

    /** A cursor lives in a transaction; an export may take longer than the pool's statement timeout allows a query. */
    private static Multi<TimeEntryView> read(SqlConnection connection, String sql, Tuple values) {
        return connection.begin().onItem().transformToMulti(transaction -> connection
                .query("SET LOCAL statement_timeout = '30min'").execute()
                .chain(() -> connection.prepare(sql))
                .onItem().transformToMulti(statement -> statement.createStream(FETCH, values).toMulti())
                .map(EntryExport::view)
                .onTermination().call(() -> transaction.rollback().onFailure().recoverWithNull()));
    }

    private static void equal(StringBuilder sql, List<Object> parameters, String column, Object value) {
        if (value != null) {
            parameters.add(value);
            sql.append(" AND ").append(column).append(" = $").append(parameters.size());
        }
    }

    private static TimeEntryView view(Row row) {
        OffsetDateTime started = row.getOffsetDateTime(4);
        OffsetDateTime ended = row.getOffsetDateTime(5);
        Integer seconds = row.getInteger(8);
        return new TimeEntryView(row.getLong(0), row.getLong(1), row.getString(2), row.getString(3),
                started == null ? null : started.toInstant(), ended == null ? null : ended.toInstant(), row.getString(6),
                row.getLocalDate(7), seconds == null ? null : seconds / 60.0, EntrySource.valueOf(row.getString(9)),
                row.getString(10), row.getString(11), row.getString(12), row.getLong(13));
    }
}
