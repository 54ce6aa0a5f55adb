package dev.backlight.support.tenancy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * All of one tenant's rows in this service's schema, whatever its tables: every table with a tenant_id column, and
 * the tables named in {@code backlight.tenant-data.keyed-by-id} whose id is the tenant's. Counted, exported as JSON
 * Lines from one snapshot, or deleted in one transaction. Plain SQL over the reactive pool, so the tenant is named in
 * every statement (the entities' tenant filter does not reach here).
 */
@ApplicationScoped
public class TenantData {

    /** Rows fetched at a time while exporting. */
    private static final int FETCH = 500;

    private final Pool pool;
    private final String schema;
    private final List<String> keyedById;

    TenantData(Pool pool, @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema,
            @ConfigProperty(name = "backlight.tenant-data.keyed-by-id") Optional<List<String>> keyedById) {
        this.pool = pool;
        this.schema = schema;
        this.keyedById = keyedById.orElse(List.of());
    }

    /** A table holding tenant rows and the column that names the tenant. */
    record Table(String name, String tenantColumn, boolean hasTriggers) {
    }

    /** Rows per table. */
    public Uni<Map<String, Long>> count(String tenantId) {
        return pool.withConnection(connection -> tables(connection).chain(tables -> each(tables, table -> connection
                .preparedQuery("SELECT count(*) FROM " + qualified(table) + " WHERE " + table.tenantColumn() + " = $1")
                .execute(Tuple.of(tenantId)).map(rows -> rows.iterator().next().getLong(0)))));
    }

    /**
     * Deletes every row of the tenant, in one transaction, and answers how many per table. A table is emptied before
     * the tables it references, and a table whose triggers write others before those, so nothing is left behind.
     */
    public Uni<Map<String, Long>> delete(String tenantId) {
        return pool.withTransaction(connection -> tables(connection).chain(tables -> each(tables, table -> connection
                .preparedQuery("DELETE FROM " + qualified(table) + " WHERE " + table.tenantColumn() + " = $1")
                .execute(Tuple.of(tenantId)).map(rows -> (long) rows.rowCount()))));
    }

    /**
     * Every row of the tenant as JSON Lines, {"table": ..., "row": {...}}, read from one snapshot as the client reads
     * them (a cursor per table, {@value #FETCH} rows at a time), tables that others reference first.
     */
    public Multi<JsonObject> export(String tenantId) {
        Function<SqlConnection, Uni<Void>> end = connection -> connection.query("COMMIT").execute().onTermination()
                .call(connection::close).replaceWithVoid();
        return Multi.createFrom().resourceFromUni(pool::getConnection, connection -> readAll(connection, tenantId))
                .withFinalizer(end);
    }

    private Multi<JsonObject> readAll(SqlConnection connection, String tenantId) {
        return connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute()
                .chain(() -> tables(connection)).onItem()
                .transformToMulti(tables -> {
                    List<Table> referencedFirst = new ArrayList<>(tables);
                    Collections.reverse(referencedFirst);
                    return Multi.createFrom().iterable(referencedFirst);
                })
                .onItem().transformToMultiAndConcatenate(table -> connection.prepare("SELECT json_build_object('table', $2::text, "
                        + "'row', to_jsonb(t)) FROM " + qualified(table) + " t WHERE " + table.tenantColumn() + " = $1")
                        .onItem().transformToMulti(statement -> statement.createStream(FETCH, Tuple.of(tenantId, table.name())).toMulti()))
                .map(row -> row.getJsonObject(0));
    }

    /** Runs {@code action} on each table in turn (one connection runs one statement at a time). */
    private static Uni<Map<String, Long>> each(List<Table> tables, Function<Table, Uni<Long>> action) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Table table : tables) {
            chain = chain.chain(() -> action.apply(table).invoke(n -> counts.put(table.name(), n))).replaceWithVoid();
        }
        return chain.map(done -> counts);
    }

    private String qualified(Table table) {
        return "\"" + schema + "\".\"" + table.name() + "\"";
    }

    /** The schema's tenant tables in deletion order: referencing tables and tables with triggers first. */
    private Uni<List<Table>> tables(SqlConnection connection) {
        Uni<List<Table>> tables = connection.preparedQuery("""
                SELECT c.relname,
                       CASE WHEN EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id'
                                          AND NOT a.attisdropped) THEN 'tenant_id' ELSE 'id' END,
                       EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                   AND (c.relname = ANY ($2) OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                        AND a.attname = 'tenant_id' AND NOT a.attisdropped))""")
                .execute(Tuple.of(schema, keyedById.toArray(String[]::new)))
                .map(rows -> {
                    List<Table> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new Table(row.getString(0), row.getString(1), row.getBoolean(2)));
                    }
                    return found;
                });
        Uni<Map<String, Set<String>>> references = connection.preparedQuery("""
                SELECT child.relname, parent.relname FROM pg_constraint k
                  JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
                  JOIN pg_namespace n ON n.oid = child.relnamespace
                 WHERE k.contype = 'f' AND n.nspname = $1 AND child.oid <> parent.oid""")
                .execute(Tuple.of(schema))
                .map(rows -> {
                    Map<String, Set<String>> referencedBy = new HashMap<>();
                    for (Row row : rows) {
                        referencedBy.computeIfAbsent(row.getString(1), parent -> new HashSet<>()).add(row.getString(0));
                    }
                    return referencedBy;
                });
        return tables.chain(found -> references.map(referencedBy -> deletionOrder(found, referencedBy)));
    }

    /** Kahn's order: a table goes once no remaining table references it; among those, triggered tables first, then by name. */
    static List<Table> deletionOrder(List<Table> tables, Map<String, Set<String>> referencedBy) {
        List<Table> remaining = new ArrayList<>(tables);
        List<Table> order = new ArrayList<>();
        Comparator<Table> preference = Comparator.comparing((Table t) -> !t.hasTriggers()).thenComparing(Table::name);
        while (!remaining.isEmpty()) {
            Set<String> left = new HashSet<>();
            remaining.forEach(t -> left.add(t.name()));
            Table next = remaining.stream()
                    .filter(t -> referencedBy.getOrDefault(t.name(), Set.of()).stream().noneMatch(left::contains))
                    .min(preference)
                    // A cycle of references (none in these schemas): take the preferred table and let the constraint say.
                    .orElse(remaining.stream().min(preference).orElseThrow());
            order.add(next);
            remaining.remove(next);
        }
        return order;
    }
}
