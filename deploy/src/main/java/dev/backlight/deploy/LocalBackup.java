package dev.backlight.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Backs up the local run's PostgreSQL data directory (every service's schema and Keycloak's) into one zip, and puts it
 * back. The embedded server ships without pg_dump or pg_basebackup, so a running server is copied the way PostgreSQL
 * documents for a low-level base backup: between {@code pg_backup_start} and {@code pg_backup_stop}, holding the WAL the
 * copy needs with a temporary replication slot and adding it, with the backup label, at the end. On its first start the
 * restored server replays that WAL and is consistent as of the backup's end. A stopped server is simply copied.
 */
final class LocalBackup {

    /** Directories whose contents a base backup leaves out (they are rebuilt, or only meaningful to the running server). */
    private static final Set<String> LEFT_EMPTY = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /** Files of the running server that must not be restored. */
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map",
            "pg_internal.init", "epg-lock");

    private LocalBackup() {
    }

    static void backup(Path dataDirectory, Path zip) throws IOException, SQLException {
        if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            throw new IOException("No PostgreSQL data in " + dataDirectory);
        }
        Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Optional<Integer> port = runningPort(dataDirectory);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
            out.setLevel(Deflater.BEST_SPEED);
            if (port.isEmpty()) {
                copyTree(dataDirectory, out, false);
            } else {
                copyRunning(dataDirectory, port.get(), out);
            }
        }
        Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Backed up " + dataDirectory + (port.isPresent() ? " (running)" : " (stopped)") + " to " + zip
                + " (" + Files.size(zip) / (1024 * 1024) + " MiB)");
    }

    private static void copyRunning(Path dataDirectory, int port, ZipOutputStream out) throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            // Reserved from now on and dropped with this session: the WAL written while the files are copied stays.
            statement.execute("SELECT pg_create_physical_replication_slot('backlight_backup_' || pg_backend_pid(), true, true)");
            statement.execute("SELECT pg_backup_start('backlight " + Instant.now() + "', true)");
            copyTree(dataDirectory, out, true);
            String label;
            String tablespaceMap;
            try (ResultSet stop = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString(1);
                tablespaceMap = stop.getString(2);
            }
            try (var segments = Files.list(dataDirectory.resolve("pg_wal"))) {
                for (Path segment : segments.filter(Files::isRegularFile).sorted().toList()) {
                    addFile(out, "pg_wal/" + segment.getFileName(), segment);
                }
            }
            addText(out, "backup_label", label);
            if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                addText(out, "tablespace_map", tablespaceMap);
            }
        }
    }

    /** Every file of the data directory; with {@code online}, leaving out what a base backup leaves out. */
    private static void copyTree(Path dataDirectory, ZipOutputStream out, boolean online) throws IOException {
        Files.walkFileTree(dataDirectory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (dir.equals(dataDirectory)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = entryName(dataDirectory, dir) + "/";
                out.putNextEntry(new ZipEntry(name));
                out.closeEntry();
                boolean emptied = online && (LEFT_EMPTY.contains(dir.getFileName().toString())
                        || dir.getFileName().toString().startsWith("pgsql_tmp"));
                return emptied ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!(online && LEFT_OUT.contains(file.getFileName().toString()))) {
                    addFile(out, entryName(dataDirectory, file), file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                // A file the server removed while it was being copied (a dropped table, a finished temporary file).
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
    }

    private static void addFile(ZipOutputStream out, String name, Path file) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException removedMeanwhile) {
            return; // as in visitFileFailed
        }
        try (in) {
            out.putNextEntry(new ZipEntry(name));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    private static void addText(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static String entryName(Path dataDirectory, Path path) {
        return dataDirectory.relativize(path).toString().replace('\\', '/');
    }

    /**
     * Puts a backup back as {@code dataDirectory}, with the suite stopped; what was there is kept beside it, renamed.
     * The next start recovers from the backup's WAL.
     */
    static void restore(Path zip, Path dataDirectory) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("No backup at " + zip);
        }
        if (runningPort(dataDirectory).isPresent()) {
            throw new IOException("PostgreSQL is running on " + dataDirectory + ": stop the suite (Ctrl-C) before restoring");
        }
        if (Files.exists(dataDirectory)) {
            Path aside = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".before-restore-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
            Files.move(dataDirectory, aside);
            System.out.println("Kept the data that was there as " + aside);
        }
        Path unpacking = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".restoring");
        LocalFiles.deleteTree(unpacking);
        LocalFiles.unzip(zip, unpacking);
        // PostgreSQL refuses a data directory that others may read.
        Files.setPosixFilePermissions(unpacking, PosixFilePermissions.fromString("rwx------"));
        Files.move(unpacking, dataDirectory);
        System.out.println("Restored " + zip + " to " + dataDirectory + "; the next ./run-local.sh starts from it.");
    }

    /** The port of the server running on {@code dataDirectory}, if one is (its postmaster.pid names a live process). */
    static Optional<Integer> runningPort(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
        return alive && lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    }
}
