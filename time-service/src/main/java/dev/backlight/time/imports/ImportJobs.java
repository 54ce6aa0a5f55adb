package dev.backlight.time.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.problem.FieldChecks;
import dev.backlight.support.problem.Problem;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.time.entries.TimeRules;
import dev.backlight.time.tenants.TenantProfile;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.jboss.logging.Logger;

/**
 * Imports of time entries as jobs. The file is read as it arrives and copied into import_row (so its size is bounded
 * by disk, not memory); the request is answered 202 once the file is in; the checks and the write then run on a
 * worker thread, set-wise, and the job's status tells how it went. Blocking throughout: call it from worker threads.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    private static final int REPORT_PAGE = 1000;
    /** How many rejected rows the problem of an immediate import names. */
    private static final int FIRST_REJECTIONS = 20;

    private final ImportStore store;
    private final ImportConfig config;
    private final TimeRules rules;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;
    /** The jobs this replica is working on, whose heartbeat it renews. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    ImportJobs(ImportStore store, ImportConfig config, TimeRules rules, Caller caller, ObjectMapper json, Clock clock) {
        this.store = store;
        this.config = config;
        this.rules = rules;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
    }

    /** What an immediate import did. */
    public record Outcome(long imported, long alreadyPresent) {
    }

    /** Reads the file into a new job and starts checking it; answers the job once the whole file is in. */
    public ImportJobView start(InputStream body, String mediaType, ImportMode mode) throws SQLException, IOException {
        ImportFormat format = ImportFormat.of(mediaType);
        if (format == null) {
            throw ApiException.invalidField("Content-Type", "must be text/csv or application/x-ndjson");
        }
        TenantProfile tenant = callersTenant();
        UUID id = newJob(tenant, mode, format);
        return receive(id, tenant, mode, (reader, sink) -> reader.read(format, utf8(body), json, sink));
    }

    /**
     * Reads a tool's CSV export into a new job, as {@link #start} reads a file of import lines, through
     * {@code mapping} (which is remembered for the tenant's next import from the tool) or, when null, the one
     * remembered; {@code zone} is the zone the tool wrote its times in, the tenant's when null.
     */
    public ImportJobView startFromTool(InputStream body, SourceTool tool, ToolMapping mapping, String zone, ImportMode mode)
            throws SQLException, IOException {
        TenantProfile tenant = callersTenant();
        ZoneId sourceZone = zone(zone, tenant);
        ToolMapping applied = mapping;
        if (mapping == null) {
            applied = store.mapping(tenant.id(), tool).map(ToolMappingView::mapping).orElse(ToolMapping.none());
        } else {
            store.saveMapping(tenant.id(), tool, json.writeValueAsString(mapping), null, caller.subject(), clock.instant());
        }
        UUID id = newJob(tenant, mode, ImportFormat.CSV);
        MappedValues mapped = new MappedValues();
        ToolRows rows = new ToolRows(tool, applied, sourceZone, mapped);
        return receive(id, tenant, mode, (reader, sink) -> {
            long read = reader.readTool(utf8(body), rows, sink);
            store.mapped(id, tool, json.writeValueAsString(mapped.values()));
            return read;
        });
    }

    private static ZoneId zone(String zone, TenantProfile tenant) {
        return FieldChecks.zone("zone", zone == null || zone.isBlank() ? tenant.timeZone() : zone.strip());
    }

    /** The mapping remembered for the tenant's imports from {@code tool}; an empty one until there is one. */
    public ToolMappingView mapping(SourceTool tool) throws SQLException {
        return store.mapping(caller.tenantId(), tool).orElse(new ToolMappingView(ToolMapping.none(), 0));
    }

    /**
     * Remembers the tenant's mapping for {@code tool}; with {@code ifMatch} (the ETag read), only over that version,
     * else 412.
     */
    public ToolMappingView saveMapping(SourceTool tool, ToolMapping mapping, String ifMatch) throws SQLException, IOException {
        Long expected = null;
        if (ifMatch != null) {
            long current = mapping(tool).version();
            Versions.checkIfMatch(ifMatch, current);
            expected = current;
        }
        return store.saveMapping(caller.tenantId(), tool, json.writeValueAsString(mapping), expected, caller.subject(),
                clock.instant());
    }

    private static InputStreamReader utf8(InputStream body) {
        return new InputStreamReader(body, StandardCharsets.UTF_8);
    }

    /** Stages every line the file gives, saving progress as it goes, then starts the checks on a worker thread. */
    private ImportJobView receive(UUID id, TenantProfile tenant, ImportMode mode, Lines lines) throws SQLException, IOException {
        try {
            long[] read = {0};
            long rows = stage(id, tenant, (reader, staging) -> lines.copy(reader, row -> {
                staging.accept(row);
                if (++read[0] % config.progressEvery() == 0) {
                    saveProgress(id, ImportState.RECEIVING, read[0], 0);
                }
            }));
            LOG.debugf("Import %s: %d rows received", id, rows);
            store.progress(id, ImportState.CHECKING, rows, 0);
            Infrastructure.getDefaultWorkerPool().execute(() -> checkAndWrite(id, tenant, mode, rows));
            return store.job(id, tenant.id());
        } catch (SQLException | IOException | RuntimeException e) {
            running.remove(id);
            failed(id, e);
            throw e;
        }
    }

    /**
     * Imports a small batch at once through the same checks, all or nothing: answers the counts, or a problem naming
     * the first rows at fault as rows[i] (409 when one conflicts with recorded time, else 400). The job stays listed.
     */
    public Outcome importNow(List<ImportLine> lines) throws SQLException, IOException {
        TenantProfile tenant = callersTenant();
        UUID id = newJob(tenant, ImportMode.ALL_OR_NOTHING, ImportFormat.JSON);
        ImportStore.Counts counts;
        try {
            stage(id, tenant, (reader, staging) -> {
                long line = 0;
                for (ImportLine read : lines) {
                    staging.accept(reader.stage(++line, read));
                }
                return line;
            });
            counts = store.checkAndWrite(id, tenant, ImportMode.ALL_OR_NOTHING, clock.instant(), checked -> {
            });
            store.finish(id, counts.rejected() > 0 ? ImportState.REJECTED : ImportState.DONE, counts,
                    outcome(counts, counts.rejected() > 0), clock.instant());
        } catch (SQLException | IOException | RuntimeException e) {
            failed(id, e);
            throw e;
        } finally {
            running.remove(id);
        }
        if (counts.rejected() > 0) {
            throw problemOf(store.firstRejections(id, FIRST_REJECTIONS), counts.rejected());
        }
        return new Outcome(counts.written(), counts.alreadyPresent());
    }

    private static ApiException problemOf(List<ImportStore.Rejection> first, long rejected) {
        List<Problem.FieldError> errors = first.stream()
                .map(r -> new Problem.FieldError("rows[" + (r.line() - 1) + "]." + r.field(), r.reason())).toList();
        String detail = rejected + " rows were rejected and nothing was written; the first: " + errors.stream()
                .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        if (first.stream().anyMatch(ImportStore.Rejection::conflict)) {
            return ApiException.conflict("import-rejected", detail, "rejectedRows", rejected);
        }
        return ApiException.invalidFields(detail, errors);
    }

    private TenantProfile callersTenant() throws SQLException {
        TenantProfile tenant = store.tenant(caller.tenantId());
        if (tenant == null) {
            throw ApiException.notFound("tenant", caller.tenantId());
        }
        return tenant;
    }

    private UUID newJob(TenantProfile tenant, ImportMode mode, ImportFormat format) throws SQLException {
        UUID id = UUID.randomUUID();
        store.createJob(id, tenant.id(), mode, format, caller.subject(), clock.instant());
        running.add(id);
        return id;
    }

    /** Reads a job's lines and hands them to {@code sink} in file order; answers how many there were. */
    @FunctionalInterface
    private interface Lines {
        long copy(ImportReader reader, Consumer<StagedRow> sink) throws IOException, SQLException;
    }

    /** Copies a job's rows into import_row, in one transaction: all of them or (on any failure) none. */
    private long stage(UUID id, TenantProfile tenant, Lines lines) throws SQLException, IOException {
        ImportReader reader = new ImportReader(rules, tenant, id, config.maxRows());
        try (ImportStore.Staging staging = store.staging()) {
            long rows = lines.copy(reader, staging::write);
            staging.commit();
            return rows;
        }
    }

    /** A job that could not finish: it failed, with the reason a caller can act on when there is one. */
    private void failed(UUID id, Exception e) throws SQLException {
        store.fail(id, e instanceof ApiException problem ? problem.problem().detail() : "The file could not be read",
                clock.instant());
    }

    private void saveProgress(UUID id, ImportState state, long rowsRead, long rowsChecked) {
        try {
            store.progress(id, state, rowsRead, rowsChecked);
        } catch (SQLException e) {
            LOG.warnf(e, "Progress of import %s not saved", id);
        }
    }

    private void checkAndWrite(UUID id, TenantProfile tenant, ImportMode mode, long rows) {
        try {
            ImportStore.Counts counts = store.checkAndWrite(id, tenant, mode, clock.instant(),
                    checked -> saveProgress(id, ImportState.WRITING, rows, checked));
            boolean refused = counts.rejected() > 0 && mode == ImportMode.ALL_OR_NOTHING;
            store.finish(id, refused ? ImportState.REJECTED : ImportState.DONE, counts,
                    mode == ImportMode.DRY_RUN ? dryRunOutcome(counts) : outcome(counts, refused), clock.instant());
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Import %s of tenant %s failed", id, tenant.id());
            try {
                store.fail(id, "The import could not be checked or written; nothing of it was written. Run it again.",
                        clock.instant());
            } catch (SQLException unrecorded) {
                LOG.errorf(unrecorded, "Import %s could not be marked failed", id);
            }
        } finally {
            running.remove(id);
        }
    }

    private static String outcome(ImportStore.Counts counts, boolean refused) {
        if (refused) {
            return counts.rejected() + " of " + counts.checked() + " rows were rejected, so nothing was written "
                    + "(all or nothing); fix them and run the import again";
        }
        return counts.written() + " entries written, " + counts.alreadyPresent() + " already present, "
                + counts.rejected() + " rows rejected";
    }

    private static String dryRunOutcome(ImportStore.Counts counts) {
        return "Dry run, nothing was written: " + (counts.checked() - counts.alreadyPresent() - counts.rejected())
                + " entries would be written, " + counts.alreadyPresent() + " are already present, " + counts.rejected()
                + " rows would be rejected (see the report)";
    }

    /** The tenant's job; 404 when it is another tenant's or unknown. */
    public ImportJobView job(UUID id) throws SQLException {
        ImportJobView job = store.job(id, caller.tenantId());
        if (job == null) {
            throw ApiException.notFound("import", id);
        }
        return job;
    }

    public ListPage<ImportJobView> jobs(PageRequest page) throws SQLException {
        return store.jobs(caller.tenantId(), page);
    }

    /** The rejected rows of the tenant's job in file order, read a page at a time as they are sent. */
    public Multi<List<RejectedRow>> report(UUID id) throws SQLException {
        String tenantId = caller.tenantId();
        job(id);
        AtomicLong lastLine = new AtomicLong();
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(Unchecked.supplier(() -> store.rejections(id, tenantId, lastLine.get(), REPORT_PAGE)))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .invoke(page -> page.forEach(row -> lastLine.set(row.line()))))
                .whilst(page -> page.size() == REPORT_PAGE);
    }

    /** Keeps this replica's jobs alive, and fails those whose replica stopped. */
    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() throws SQLException {
        store.beat(running, clock.instant());
        int abandoned = store.failAbandoned(clock.instant().minus(config.abandonedAfter()), clock.instant());
        if (abandoned > 0) {
            LOG.warnf("Failed %d imports whose service stopped while running them", abandoned);
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldJobs() throws SQLException {
        store.forgetFinishedBefore(clock.instant().minus(config.keepFor()));
    }
}
