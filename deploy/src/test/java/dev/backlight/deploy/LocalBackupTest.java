package dev.backlight.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.backlight.testing.LocalPostgres;

/** The local run's backup: taken while rows are being written, put back, and found consistent as of its end. */
class LocalBackupTest {

    @TempDir
    Path temp;

    @Test
    void aBackupTakenWhileWritingRestoresEveryRowCommittedBeforeItStarted() throws Exception {
        Path data = temp.resolve("data/postgres");
        Path zip = temp.resolve("backups/one.zip");
        long committedBeforeBackup;
        long committedAtTheEnd;
        try (LocalPostgres postgres = LocalPostgres.startDurable(data)) {
            postgres.execute("CREATE TABLE ledger (id bigserial PRIMARY KEY, amount int NOT NULL);"
                    + " INSERT INTO ledger (amount) SELECT g FROM generate_series(1, 50000) g");
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong committed = new AtomicLong(50_000);
            Thread writer = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres");
                        Statement statement = connection.createStatement()) {
                    while (writing.get()) {
                        statement.execute("INSERT INTO ledger (amount) VALUES (1)");
                        committed.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            Thread.sleep(300);
            committedBeforeBackup = committed.get();
            LocalBackup.backup(data, zip);
            Thread.sleep(300);
            writing.set(false);
            writer.join();
            committedAtTheEnd = committed.get();
            assertThrows(IOException.class, () -> LocalBackup.restore(zip, data), "a running database is not overwritten");
        }

        LocalBackup.restore(zip, data);
        try (var kept = Files.list(data.getParent())) {
            assertTrue(kept.anyMatch(p -> p.getFileName().toString().startsWith("postgres.before-restore-")),
                    "the data that was there is kept aside");
        }
        try (LocalPostgres restored = LocalPostgres.startDurable(data)) {
            long rows = Long.parseLong(restored.query("SELECT count(*) FROM ledger"));
            long highest = Long.parseLong(restored.query("SELECT max(id) FROM ledger"));
            assertTrue(rows >= committedBeforeBackup && rows <= committedAtTheEnd,
                    rows + " rows restored; " + committedBeforeBackup + " committed before the backup, " + committedAtTheEnd + " at the end");
            assertEquals(rows, highest, "no gaps: every row up to the backup's end is there");
            restored.execute("INSERT INTO ledger (amount) VALUES (2)");
        }
    }
}
