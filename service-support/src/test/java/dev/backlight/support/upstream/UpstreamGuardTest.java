package dev.backlight.support.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class UpstreamGuardTest {

    private final AtomicReference<String> tenant = new AtomicReference<>("a");
    private final UpstreamGuard guard = new UpstreamGuard("time-service", Duration.ofMillis(100), 2, Duration.ofMinutes(1), tenant::get);

    private static Supplier<Uni<String>> counting(AtomicInteger calls, Supplier<Uni<String>> answer) {
        return () -> {
            calls.incrementAndGet();
            return answer.get();
        };
    }

    private String read(Supplier<Uni<String>> call) {
        return guard.read(call).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void anUnreachableServiceIsRetriedAndNamed() {
        AtomicInteger calls = new AtomicInteger();
        UpstreamUnavailable failure = assertThrows(UpstreamUnavailable.class, () -> read(counting(calls,
                () -> Uni.createFrom().failure(new ProcessingException(new ConnectException("Connection refused"))))));
        assertEquals("time-service", failure.service());
        assertEquals(3, calls.get(), "the first attempt and two retries");
    }

    @Test
    void aSlowReadIsUnavailableButNeitherRetriedNorCounted() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Uni<String>> slow = counting(calls, () -> Uni.createFrom().nothing());
        for (int i = 0; i < 12; i++) {
            assertThrows(UpstreamUnavailable.class, () -> read(slow));
        }
        assertEquals(12, calls.get(), "one attempt each, and the breaker never opened");
        assertEquals("ok", read(() -> Uni.createFrom().item("ok")));
    }

    @Test
    void oneTenantsFailuresOpenOnlyItsOwnBreaker() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Uni<String>> failing = counting(calls, () -> Uni.createFrom().failure(new UpstreamUnavailable("time-service", 500)));
        for (int i = 0; i < 10; i++) {
            assertThrows(UpstreamUnavailable.class, () -> read(failing));
        }
        int beforeOpen = calls.get();
        assertThrows(UpstreamUnavailable.class, () -> read(failing));
        assertEquals(beforeOpen, calls.get(), "tenant a's breaker is open: the service is not even asked");

        tenant.set("b");
        assertEquals("ok", read(() -> Uni.createFrom().item("ok")), "tenant b is served as before");
    }

    @Test
    void clientErrorsPassThroughUntouched() {
        IllegalArgumentException mine = new IllegalArgumentException("400 from time-service");
        assertEquals(mine, assertThrows(IllegalArgumentException.class, () -> read(() -> Uni.createFrom().failure(mine))));
    }
}
