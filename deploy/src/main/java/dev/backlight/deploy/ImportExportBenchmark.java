package dev.backlight.deploy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backlight.testing.ServiceProcess;
import org.postgresql.PGConnection;

/**
 * Prints how fast a year of history comes in through the gateway's import (POST /api/time/entries/imports, streamed
 * CSV, all or nothing, every rule checked) beside PostgreSQL's own COPY of the same rows in the same run: into
 * time_entry with its constraints and indexes, and into a bare table of the same columns. Then a file of a million
 * rows; then the export of those million rows (GET /api/time/entries/export, streamed CSV) beside COPY TO of the same
 * rows; and each service's peak memory. time-service and the gateway run with the manifests' memory; the gateway's
 * rate limit is lifted (backlight.gateway.rate-limit.enabled=false), as for a bulk load.
 */
public final class ImportExportBenchmark {

    private static final String[] FUNCTIONS = {"SCHEDULING", "TIMESHEET_REVIEW", "PAYROLL", "QA_EVALUATION", "REPORTING",
            "ONBOARDING", "LEAVE_MANAGEMENT", "INVOICING", "COMPLIANCE", "OTHER"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 6);
    private static final int ENTRIES_PER_DAY = 8;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final BenchmarkRun bench;
    private ServiceProcess time;
    private ServiceProcess gateway;

    private ImportExportBenchmark(BenchmarkRun bench) {
        this.bench = bench;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int largeRows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        try (BenchmarkRun bench = new BenchmarkRun(root, "import-benchmark")) {
            new ImportExportBenchmark(bench).run(rows, largeRows);
        }
    }

    private void run(int rows, int largeRows) throws Exception {
        BenchmarkRun.TimeBehindGateway suite = bench.startTimeBehindGateway();
        time = suite.time();
        gateway = suite.gateway();

        // A running service has its code compiled: a first, smaller import warms it up, as the COPY's server is warm.
        int warmUpRows = 20_000;
        tenant("bench-warm-up", warmUpRows / (ENTRIES_PER_DAY * 250));
        Path warmUp = bench.root.resolve("deploy/target/import-benchmark/warm-up.csv");
        writeCsv(warmUp, "bench-warm-up", warmUpRows / (ENTRIES_PER_DAY * 250), warmUpRows);
        importThroughGateway("bench-warm-up", warmUp, warmUpRows);

        // A 50-person back office's year: 50 employees, 8 entries a weekday.
        int employees = Math.max(1, rows / (ENTRIES_PER_DAY * 250));
        List<Long> copied = tenant("bench-copy", employees);
        List<Long> imported = tenant("bench-import", employees);
        Path file = bench.root.resolve("deploy/target/import-benchmark/entries.csv");
        writeCsv(file, "bench-import", employees, rows);

        double copyRate = copyIntoTimeEntry("bench-copy", copied, rows);
        double bareRate = copyIntoBareTable("bench-copy", copied, rows);
        double importRate = importThroughGateway("bench-import", file, rows);
        System.out.printf("COPY of %,d rows into time_entry (constraints, indexes): %,.0f rows/s%n", rows, copyRate);
        System.out.printf("COPY of the same rows into a bare table: %,.0f rows/s%n", bareRate);
        System.out.printf("Import of %,d rows through the gateway (streamed CSV, all rules): %,.0f rows/s = %.0f %% of COPY "
                + "into time_entry (target at least 50 %%)%n", rows, importRate, 100 * importRate / copyRate);
        System.out.println("(" + imported.size() + " employees, " + Files.size(file) / 1024 / 1024 + " MiB of CSV)");

        int largeEmployees = Math.max(1, largeRows / (ENTRIES_PER_DAY * 250));
        tenant("bench-large", largeEmployees);
        Path large = bench.root.resolve("deploy/target/import-benchmark/large.csv");
        writeCsv(large, "bench-large", largeEmployees, largeRows);
        double largeRate = importThroughGateway("bench-large", large, largeRows);
        System.out.printf("Import of %,d rows through the gateway (%d MiB): %,.0f rows/s%n", largeRows,
                Files.size(large) / 1024 / 1024, largeRate);

        LocalDate from = FIRST_DAY;
        LocalDate to = Entry.nth(largeRows - 1, largeEmployees).day().plusDays(1);
        double copyOutRate = copyOut("bench-large", from, to, largeRows);
        double exportRate = exportThroughGateway("bench-large", from, to, largeRows);
        System.out.printf("COPY TO of those %,d rows (codes joined in): %,.0f rows/s%n", largeRows, copyOutRate);
        System.out.printf("Export of the same rows through the gateway (streamed CSV): %,.0f rows/s = %.0f %% of COPY TO "
                + "(target at least 50 %%)%n", exportRate, 100 * exportRate / copyOutRate);
        bench.printPeakMemory();
    }

    /** A tenant with {@code employees} employees made through the API; answers their ids. */
    private List<Long> tenant(String tenant, int employees) throws Exception {
        bench.send(time, "POST", "/api/time/tenants", bench.issuer.token(null, "bench-root", Duration.ofMinutes(5), "platform-admin"),
                Map.of("id", tenant, "name", "Benchmark " + tenant, "timeZone", "America/New_York", "currency", "USD",
                        "agents", 40, "employees", employees));
        String admin = admin(tenant);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < employees; i++) {
            JsonNode created = bench.send(time, "POST", "/api/time/employees", admin, Map.of("name", "Employee " + i,
                    "email", email(tenant, i), "team", "Team " + (i % 5)));
            ids.add(created.get("id").asLong());
        }
        return ids;
    }

    private String admin(String tenant) {
        return bench.issuer.token(tenant, "bench-admin", Duration.ofHours(2), "tenant-admin");
    }

    private static String email(String tenant, int employee) {
        return "e" + employee + "@" + tenant + ".example";
    }

    /** The n-th entry of the year: employee, weekday and hour, 08:00 to 16:00 New York time in 1-hour slots. */
    private record Entry(int employee, Instant start, Instant end, String function, LocalDate day) {
        static Entry nth(int n, int employees) {
            int employee = n % employees;
            int slot = (n / employees) % ENTRIES_PER_DAY;
            int weekday = n / (employees * ENTRIES_PER_DAY);
            LocalDate day = FIRST_DAY.plusWeeks(weekday / 5).plusDays(weekday % 5);
            Instant start = day.atTime(LocalTime.of(8 + slot, 0)).atZone(NEW_YORK).toInstant();
            return new Entry(employee, start, start.plusSeconds(3600), FUNCTIONS[(employee + slot) % FUNCTIONS.length], day);
        }
    }

    private static void writeCsv(Path file, String tenant, int employees, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("externalRef,employeeEmail,functionCode,startedAt,endedAt,notes\n");
            for (int n = 0; n < rows; n++) {
                Entry entry = Entry.nth(n, employees);
                out.write("src-" + n + "," + email(tenant, entry.employee()) + "," + entry.function() + "," + entry.start()
                        + "," + entry.end() + ",imported history\n");
            }
        }
    }

    /** The rows as COPY takes them, ids resolved: what the import has to work out for itself. */
    private Reader copyRows(String tenant, List<Long> employees, int rows, Map<String, Long> functions) {
        StringBuilder csv = new StringBuilder();
        String now = Instant.now().atOffset(ZoneOffset.UTC).toString();
        for (int n = 0; n < rows; n++) {
            Entry entry = Entry.nth(n, employees.size());
            csv.append(tenant).append(',').append(employees.get(entry.employee())).append(',')
                    .append(functions.get(entry.function())).append(',').append(entry.start()).append(',')
                    .append(entry.end()).append(",America/New_York,").append(entry.day()).append(",3600,IMPORT,imported history,copy-")
                    .append(n).append(',').append(now).append(',').append(now).append('\n');
        }
        return new StringReader(csv.toString());
    }

    private static final String COPY_COLUMNS = "(tenant_id, employee_id, function_id, started_at, ended_at, zone, work_date, "
            + "duration_seconds, source, notes, external_ref, created_at, updated_at)";

    private double copyIntoTimeEntry(String tenant, List<Long> employees, int rows) throws Exception {
        try (Connection db = bench.database()) {
            Reader input = copyRows(tenant, employees, rows, functions(db, tenant));
            long started = System.nanoTime();
            ((PGConnection) db).getCopyAPI().copyIn("COPY timekeeping.time_entry " + COPY_COLUMNS + " FROM STDIN WITH (FORMAT csv)", input);
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    private double copyIntoBareTable(String tenant, List<Long> employees, int rows) throws Exception {
        try (Connection db = bench.database(); Statement statement = db.createStatement()) {
            statement.execute("CREATE TEMP TABLE bare_entry AS SELECT * FROM timekeeping.time_entry WITH NO DATA");
            Reader input = copyRows(tenant, employees, rows, functions(db, tenant));
            long started = System.nanoTime();
            ((PGConnection) db).getCopyAPI().copyIn("COPY bare_entry " + COPY_COLUMNS + " FROM STDIN WITH (FORMAT csv)", input);
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static Map<String, Long> functions(Connection db, String tenant) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT code, id FROM timekeeping.work_function WHERE tenant_id = '" + tenant + "'")) {
            while (rows.next()) {
                ids.put(rows.getString(1), rows.getLong(2));
            }
        }
        return ids;
    }

    private double copyOut(String tenant, LocalDate from, LocalDate to, int rows) throws Exception {
        String select = """
                SELECT e.id, e.employee_id, f.code, c.code, e.started_at, e.ended_at, e.zone, e.work_date,
                       e.duration_seconds / 60.0, e.source, e.notes, e.external_ref, e.review_reason, e.version
                  FROM timekeeping.time_entry e JOIN timekeeping.work_function f ON f.id = e.function_id
                  LEFT JOIN timekeeping.client_account c ON c.id = e.client_account_id
                 WHERE e.tenant_id = '%s' AND e.work_date >= '%s' AND e.work_date < '%s' ORDER BY e.id""".formatted(tenant, from, to);
        try (Connection db = bench.database()) {
            CountingStream out = new CountingStream();
            long started = System.nanoTime();
            long copied = ((PGConnection) db).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (copied != rows) {
                throw new IllegalStateException("COPY TO found " + copied + " rows, not " + rows);
            }
            return rows / seconds;
        }
    }

    private double exportThroughGateway(String tenant, LocalDate from, LocalDate to, int rows) throws Exception {
        String analyst = bench.issuer.token(tenant, "bench-analyst", Duration.ofHours(2), "analyst");
        CountingStream out = new CountingStream();
        long started = System.nanoTime();
        HttpResponse<InputStream> answer = bench.http.send(HttpRequest.newBuilder(URI.create(gateway.baseUri()
                        + "/api/time/entries/export?from=" + from + "&to=" + to))
                .header("Authorization", "Bearer " + analyst).header("Accept", "text/csv")
                .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            body.transferTo(out);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (answer.statusCode() != 200 || out.lines != rows + 1) {
            throw new IllegalStateException("The export answered " + answer.statusCode() + " with " + out.lines + " lines");
        }
        return rows / seconds;
    }

    /** Counts the lines going through, and keeps none of them. */
    private static final class CountingStream extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    lines++;
                }
            }
        }
    }

    /** Rows per second from sending the file to the job's end; fails the run unless every row was written. */
    private double importThroughGateway(String tenant, Path file, int rows) throws Exception {
        String manager = bench.issuer.token(tenant, "bench-manager", Duration.ofHours(2), "manager");
        long started = System.nanoTime();
        HttpResponse<String> accepted = bench.http.send(HttpRequest.newBuilder(URI.create(gateway.baseUri() + "/api/time/entries/imports"))
                .header("Authorization", "Bearer " + manager).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("The import answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String job = accepted.headers().firstValue("Location").orElseThrow();
        while (true) {
            JsonNode status = bench.send(gateway, "GET", job, manager, null);
            if (!status.get("finishedAt").isNull()) {
                double seconds = (System.nanoTime() - started) / 1e9;
                if (status.get("rowsWritten").asLong() != rows) {
                    throw new IllegalStateException("The import did not write every row: " + status);
                }
                return rows / seconds;
            }
            Thread.sleep(50);
        }
    }
}
