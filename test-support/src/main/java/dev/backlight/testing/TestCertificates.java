package dev.backlight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority of its own and a server certificate it signed for {@code localhost}, made with the
 * machine's {@code openssl}: what a managed database presents, for tests of verified TLS.
 */
public record TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {

    /** Makes them in {@code directory}. */
    public static TestCertificates create(Path directory) {
        try {
            Files.createDirectories(directory);
            Path caKey = directory.resolve("ca.key");
            Path ca = directory.resolve("ca.crt");
            Path serverKey = directory.resolve("server.key");
            Path request = directory.resolve("server.csr");
            Path server = directory.resolve("server.crt");
            Path names = directory.resolve("server.ext");
            Files.writeString(names, "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
            openssl(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Backlight test CA",
                    "-keyout", caKey.toString(), "-out", ca.toString());
            openssl(directory, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                    "-keyout", serverKey.toString(), "-out", request.toString());
            openssl(directory, "x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                    "-CAcreateserial", "-days", "2", "-extfile", names.toString(), "-out", server.toString());
            // PostgreSQL refuses a key others may read.
            Files.setPosixFilePermissions(serverKey, PosixFilePermissions.fromString("rw-------"));
            return new TestCertificates(ca, server, serverKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void openssl(Path directory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("openssl.log").toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("openssl " + String.join(" ", arguments) + " failed; see "
                        + directory.resolve("openssl.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
