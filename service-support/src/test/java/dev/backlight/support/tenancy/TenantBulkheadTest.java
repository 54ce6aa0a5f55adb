package dev.backlight.support.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.context.ThreadContext;
import org.junit.jupiter.api.Test;

import dev.backlight.support.problem.ApiException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class TenantBulkheadTest {

    private final AtomicReference<String> tenant = new AtomicReference<>("busy");
    private final TenantBulkhead bulkhead = new TenantBulkhead(2, 1,
            ThreadContext.builder().propagated().cleared().unchanged(ThreadContext.ALL_REMAINING).build(), tenant::get);
    private final List<UniEmitter<? super String>> running = new ArrayList<>();

    private Uni<String> heavyRead() {
        return bulkhead.run(() -> Uni.createFrom().emitter(running::add));
    }

    @Test
    void aTenantBeyondItsLimitAndQueueIsToldToRetryWhileAnotherTenantRunsFreely() {
        List<Uni<String>> subscribed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Uni<String> read = heavyRead().memoize().indefinitely();
            read.subscribe().with(ignored -> { }, ignored -> { });
            subscribed.add(read);
        }
        assertEquals(2, running.size(), "two run, the third waits");
        ApiException refused = assertThrows(ApiException.class, () -> heavyRead().await().atMost(Duration.ofSeconds(5)));
        assertEquals(429, refused.problem().status());

        tenant.set("quiet");
        Uni<String> quiet = heavyRead().memoize().indefinitely();
        quiet.subscribe().with(ignored -> { }, ignored -> { });
        assertEquals(3, running.size(), "another tenant is not held back");
        running.get(2).complete("quiet done");
        assertEquals("quiet done", quiet.await().atMost(Duration.ofSeconds(5)));

        running.get(0).complete("first done");
        assertEquals("first done", subscribed.get(0).await().atMost(Duration.ofSeconds(5)));
        assertEquals(4, running.size(), "the waiting read of the busy tenant started when a place freed");
    }
}
