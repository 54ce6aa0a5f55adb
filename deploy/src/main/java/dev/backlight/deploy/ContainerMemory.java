package dev.backlight.deploy;

import java.util.List;

/**
 * The memory a service gets in Kubernetes (its manifest's limit; the image's JVM takes 60 % of it for the heap, which
 * leaves the rest for metaspace, code, threads and network buffers: at 75 % a service streaming a million-row export
 * went past the limit), as JVM options, so that the local run and the benchmarks run the services as the cluster
 * does. ManifestsTest keeps both true to deploy/k8s and the Dockerfile.
 */
final class ContainerMemory {

    /** Every service's memory limit in deploy/k8s. */
    static final String LIMIT = "512Mi";

    /** The heap share the image's JAVA_OPTS give the JVM. */
    static final String HEAP_SHARE = "-XX:MaxRAMPercentage=60";

    /** A JVM outside a container sized as inside one: the limit as its RAM, and the image's heap share of it. */
    static final List<String> JVM_OPTIONS = List.of("-XX:MaxRAM=512m", HEAP_SHARE);

    private ContainerMemory() {
    }
}
