package dev.backlight.metrics.capture;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.capture.QualityService.NewFinding;
import dev.backlight.metrics.capture.QualityService.Recorded;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What {@link QualityService} keeps in the database: each public method is one session or one transaction. */
@ApplicationScoped
class QualityStore {

    private final QualityEventRepository events;
    private final OutputRepository outputs;
    private final Caller caller;
    private final Clock clock;

    QualityStore(QualityEventRepository events, OutputRepository outputs, Caller caller, Clock clock) {
        this.events = events;
        this.outputs = outputs;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Recorded> store(NewFinding finding) {
        Uni<QualityEvent> existing = finding.externalRef() == null
                ? Uni.createFrom().nullItem()
                : events.lockAndFindByExternalRef(finding.externalRef());
        return existing.chain(found -> {
            if (found == null) {
                return concernedOutput(finding).chain(output -> insert(finding));
            }
            if (!isReplay(found, finding)) {
                throw ApiException.externalRefReused(finding.externalRef(), found.id);
            }
            return Uni.createFrom().item(new Recorded(found, false));
        });
    }

    /** The output the finding points at must be the tenant's and of the same function. */
    private Uni<OutputRecord> concernedOutput(NewFinding finding) {
        if (finding.outputId() == null) {
            return Uni.createFrom().nullItem();
        }
        return outputs.findById(finding.outputId())
                .onItem().ifNull().failWith(() -> ApiException.unknownReference("outputId", "output", finding.outputId()))
                .invoke(output -> {
                    if (!output.functionCode.equals(finding.functionCode())) {
                        throw ApiException.invalidField("outputId", "is an output of " + output.functionCode + ", not of " + finding.functionCode());
                    }
                });
    }

    /** The stored finding is what this very request, sent again by the same recorder, would have stored. */
    private boolean isReplay(QualityEvent found, NewFinding finding) {
        return caller.subject().equals(found.recordedBy) && Objects.equals(found.functionCode, finding.functionCode())
                && found.kind == finding.kind() && Objects.equals(found.occurredOn, finding.occurredOn())
                && Objects.equals(found.employeeId, finding.employeeId()) && Objects.equals(found.clientCode, finding.clientCode())
                && Objects.equals(found.outputId, finding.outputId()) && found.count == (finding.count() == null ? 1 : finding.count())
                && (found.measured == null ? finding.measured() == null
                        : finding.measured() != null && found.measured.compareTo(finding.measured()) == 0)
                && Objects.equals(found.note, finding.note());
    }

    private Uni<Recorded> insert(NewFinding finding) {
        QualityEvent event = new QualityEvent();
        event.functionCode = finding.functionCode();
        event.kind = finding.kind();
        event.occurredOn = finding.occurredOn();
        event.employeeId = finding.employeeId();
        event.clientCode = finding.clientCode();
        event.outputId = finding.outputId();
        event.count = finding.count() == null ? 1 : finding.count();
        event.measured = finding.measured();
        event.note = finding.note();
        event.externalRef = finding.externalRef();
        event.recordedBy = caller.subject();
        event.recordedAt = Instant.now(clock);
        return events.persist(event).map(stored -> new Recorded(stored, true));
    }
}
