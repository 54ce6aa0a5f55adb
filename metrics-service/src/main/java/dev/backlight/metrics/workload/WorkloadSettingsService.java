package dev.backlight.metrics.workload;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The tenant's workload thresholds, read by interruption cost, context switching and sustainability. */
@ApplicationScoped
public class WorkloadSettingsService {

    private final WorkloadSettingRepository settings;
    private final Caller caller;
    private final Clock clock;

    WorkloadSettingsService(WorkloadSettingRepository settings, Caller caller, Clock clock) {
        this.settings = settings;
        this.caller = caller;
        this.clock = clock;
    }

    @WithSession
    public Uni<WorkloadSettings> current() {
        return settings.current().map(WorkloadSettings::of);
    }

    @WithTransaction
    public Uni<WorkloadSettings> update(WorkloadSettingsChange input, String ifMatch) {
        if (input.contextSwitchMinutesHigh() < input.contextSwitchMinutesLow()) {
            throw ApiException.invalidField("contextSwitchMinutesHigh", "must not be below contextSwitchMinutesLow");
        }
        return settings.lockAndFind().chain(found -> {
            Versions.checkIfMatch(ifMatch, found == null ? 0 : found.revision());
            WorkloadSetting setting = found != null ? found : new WorkloadSetting();
            setting.contextSwitchMinutesLow = input.contextSwitchMinutesLow();
            setting.contextSwitchMinutesHigh = input.contextSwitchMinutesHigh();
            setting.shortBlockMinutes = Objects.requireNonNullElse(input.shortBlockMinutes(), setting.shortBlockMinutes);
            setting.overContractPercent = Objects.requireNonNullElse(input.overContractPercent(), setting.overContractPercent);
            setting.afterHoursMinutesPerWeek = Objects.requireNonNullElse(input.afterHoursMinutesPerWeek(), setting.afterHoursMinutesPerWeek);
            setting.overloadStreakWeeks = Objects.requireNonNullElse(input.overloadStreakWeeks(), setting.overloadStreakWeeks);
            setting.updatedBy = caller.subject();
            setting.updatedAt = Instant.now(clock);
            return settings.persist(setting);
        }).map(WorkloadSettings::of);
    }
}
