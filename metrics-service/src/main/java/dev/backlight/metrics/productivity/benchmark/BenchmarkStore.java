package dev.backlight.metrics.productivity.benchmark;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.productivity.benchmark.BenchmarkService.BandsInput;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What {@link BenchmarkService} keeps in the database: each public method is one session or one transaction. */
@ApplicationScoped
class BenchmarkStore {

    private final BenchmarkOverrideRepository overrides;
    private final Caller caller;
    private final Clock clock;

    BenchmarkStore(BenchmarkOverrideRepository overrides, Caller caller, Clock clock) {
        this.overrides = overrides;
        this.caller = caller;
        this.clock = clock;
    }

    @WithSession
    public Uni<Map<String, BenchmarkOverride>> ownBands() {
        return overrides.listAll().map(list -> list.stream()
                .collect(Collectors.toMap(own -> own.functionCode, Function.identity())));
    }

    @WithTransaction
    public Uni<BenchmarkOverride> store(String functionCode, BandsInput input, String ifMatch) {
        return overrides.lockAndFind(functionCode).chain(found -> {
            Versions.checkIfMatch(ifMatch, found == null ? 0 : found.revision());
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
            return overrides.persist(bands);
        });
    }
}
