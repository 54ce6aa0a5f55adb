package dev.backlight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A built Backlight service (its {@code quarkus-run.jar}) running as a child JVM, for the local suite and for tests
 * of a service that calls another one over HTTP.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the service a module of the repository at {@code root} built (its Quarkus fast-jar under target/). */
    public static ServiceProcess startModule(Path root, String module, int port, Map<String, String> properties, Path log) {
        return startModule(root, module, port, properties, List.of(), log);
    }

    /** The same with options for the JVM, such as its memory. */
    public static ServiceProcess startModule(Path root, String module, int port, Map<String, String> properties,
            List<String> jvmOptions, Path log) {
        return start(module, root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"), port, properties, jvmOptions, log);
    }

    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> properties, Path log) {
        return start(name, jar, port, properties, List.of(), log);
    }

    /**
     * Starts {@code jar} on {@code port} with the given system properties, logging to {@code log}. Does not wait:
     * several services can start in parallel, then each is awaited with {@link #awaitReady(Duration)}.
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> properties, List<String> jvmOptions,
            Path log) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build it first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ServiceProcess(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** A port nobody listens on at the moment of the call. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code /q/health/ready} to answer 200; fails early if the process exits. */
    public ServiceProcess awaitReady(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + log);
            }
            sleep(Duration.ofMillis(300));
        }
        throw new IllegalStateException(name + " was not ready within " + limit.toSeconds() + " s; see " + log);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    public Path log() {
        return log;
    }

    /** The most memory the process has held so far (its peak resident set, Linux's VmHWM), in MiB; -1 if unknown. */
    public long peakRssMib() {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1);
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    /** The processor time the process has used so far (user and system). */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Asks the service to shut down gracefully, then kills it if it has not within 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
