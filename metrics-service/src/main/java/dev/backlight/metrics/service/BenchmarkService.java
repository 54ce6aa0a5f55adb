package dev.backlight.metrics.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.client.TimeService;
import dev.backlight.metrics.domain.Benchmark;
import dev.backlight.metrics.domain.BenchmarkOverride;
import dev.backlight.metrics.domain.StandardBenchmarks;
import dev.backlight.metrics.repository.BenchmarkOverrideRepository;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The bands each function is judged by: the tenant's own where it set them, else the seed's standard ones. */
@ApplicationScoped
public class BenchmarkService {

    public record BandsInput(Benchmark.Basis basis, Benchmark.Scale scale, Integer referenceSize, BigDecimal efficientBelow,
            BigDecimal reasonableFrom, BigDecimal reasonableTo, BigDecimal slowAbove) {
    }

    /** A function and the bands that apply to it; null bands when it has none. */
    public record EffectiveBenchmark(String functionCode, String functionName, Benchmark bands) {
    }

    private final BenchmarkOverrideRepository overrides;
    private final TimeService time;
    private final DirectoryService directory;
    private final Caller caller;
    private final Clock clock;

    BenchmarkService(BenchmarkOverrideRepository overrides, TimeService time, DirectoryService directory, Caller caller, Clock clock) {
        this.overrides = overrides;
        this.time = time;
        this.directory = directory;
        this.caller = caller;
        this.clock = clock;
    }

    /** The tenant's overrides by function; callers fall back to {@link StandardBenchmarks} for the rest. */
    @WithSession
    public Uni<Map<String, Benchmark>> overrides() {
        return overrides.listAll().map(list -> list.stream().map(BenchmarkOverride::toBenchmark)
                .collect(Collectors.toMap(Benchmark::functionCode, Function.identity())));
    }

    /** Every function of the tenant with the bands that judge it. */
    public Uni<List<EffectiveBenchmark>> effective() {
        return time.functions().chain(functions -> overrides().map(own -> functions.stream()
                .map(f -> new EffectiveBenchmark(f.code(), f.name(),
                        own.containsKey(f.code()) ? own.get(f.code()) : StandardBenchmarks.forFunction(f.code()).orElse(null)))
                .toList()));
    }

    public Uni<Benchmark> override(String functionCode, BandsInput input) {
        check(input);
        return directory.load().invoke(dir -> dir.activeFunction(functionCode)).chain(dir -> store(functionCode, input));
    }

    @WithTransaction
    Uni<Benchmark> store(String functionCode, BandsInput input) {
        return overrides.findByFunction(functionCode).chain(found -> {
            BenchmarkOverride bands = found != null ? found : new BenchmarkOverride();
            bands.functionCode = functionCode;
            bands.basis = input.basis();
            bands.scale = input.scale();
            bands.referenceSize = input.scale() == Benchmark.Scale.NONE ? null : input.referenceSize();
            bands.efficientBelow = input.efficientBelow();
            bands.reasonableFrom = input.reasonableFrom();
            bands.reasonableTo = input.reasonableTo();
            bands.slowAbove = input.slowAbove();
            bands.updatedBy = caller.subject();
            bands.updatedAt = Instant.now(clock);
            return overrides.persist(bands).map(BenchmarkOverride::toBenchmark);
        });
    }

    /** Drops the tenant's bands for the function, so the standard ones (if any) apply again. */
    @WithTransaction
    public Uni<Boolean> reset(String functionCode) {
        return overrides.delete("functionCode", functionCode).map(deleted -> deleted > 0);
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
