package dev.backlight.metrics.productivity.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.upstream.DirectoryService;
import dev.backlight.metrics.upstream.TimeService;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The bands each function is judged by: the tenant's own where it set them, else the seed's standard ones. */
@ApplicationScoped
public class BenchmarkService {

    public record BandsInput(Benchmark.Basis basis, Benchmark.Scale scale, Integer referenceSize, BigDecimal efficientBelow,
            BigDecimal reasonableFrom, BigDecimal reasonableTo, BigDecimal slowAbove) {
    }

    /**
     * A function and the bands that apply to it (null when it has none); {@code version} is that of the tenant's own
     * bands, 0 while it uses the standard ones.
     */
    public record EffectiveBenchmark(String functionCode, String functionName, Benchmark bands, long version) {
    }

    private final BenchmarkStore store;
    private final BenchmarkOverrideRepository overrides;
    private final TimeService time;
    private final DirectoryService directory;

    BenchmarkService(BenchmarkOverrideRepository overrides, TimeService time, DirectoryService directory, BenchmarkStore store) {
        this.overrides = overrides;
        this.time = time;
        this.directory = directory;
        this.store = store;
    }

    /** The tenant's overrides by function; callers fall back to {@link StandardBenchmarks} for the rest. */
    @WithSession
    public Uni<Map<String, Benchmark>> overrides() {
        return overrides.listAll().map(list -> list.stream().map(BenchmarkOverride::toBenchmark)
                .collect(Collectors.toMap(Benchmark::functionCode, Function.identity())));
    }

    /** Every function of the tenant with the bands that judge it. */
    public Uni<List<EffectiveBenchmark>> effective() {
        return time.functions().chain(functions -> store.ownBands().map(own -> functions.stream()
                .map(f -> own.containsKey(f.code()) ? effective(f.name(), own.get(f.code()))
                        : new EffectiveBenchmark(f.code(), f.name(), StandardBenchmarks.forFunction(f.code()).orElse(null), 0))
                .toList()));
    }

    /** Sets the tenant's own bands for a function; {@code ifMatch} "0" only while it has none. */
    public Uni<EffectiveBenchmark> override(String functionCode, BandsInput input, String ifMatch) {
        check(input);
        return directory.checked(dir -> dir.activeFunction(functionCode))
                .chain(function -> store.store(functionCode, input, ifMatch).map(stored -> effective(function.name(), stored)));
    }

    private static EffectiveBenchmark effective(String functionName, BenchmarkOverride own) {
        return new EffectiveBenchmark(own.functionCode, functionName, own.toBenchmark(), own.revision());
    }

    /** Drops the tenant's bands for the function, so the standard ones (if any) apply again. */
    @WithTransaction
    public Uni<Void> reset(String functionCode, String ifMatch) {
        return overrides.lockAndFind(functionCode)
                .onItem().ifNull().failWith(() -> ApiException.notFound("benchmark override", functionCode))
                .invoke(found -> Versions.checkIfMatch(ifMatch, found.revision()))
                .chain(overrides::delete);
    }

    private static void check(BandsInput input) {
        if (input.scale() != Benchmark.Scale.NONE && input.referenceSize() == null) {
            throw ApiException.invalidField("referenceSize", "is required when the bands scale with " + input.scale());
        }
        if (input.efficientBelow().compareTo(input.reasonableFrom()) > 0) {
            throw ApiException.invalidField("reasonableFrom", "must not be below efficientBelow");
        }
        if (input.reasonableFrom().compareTo(input.reasonableTo()) > 0) {
            throw ApiException.invalidField("reasonableTo", "must not be below reasonableFrom");
        }
        if (input.reasonableTo().compareTo(input.slowAbove()) > 0) {
            throw ApiException.invalidField("slowAbove", "must not be below reasonableTo");
        }
    }
}
