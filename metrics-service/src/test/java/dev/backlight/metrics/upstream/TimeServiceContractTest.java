package dev.backlight.metrics.upstream;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.Recordings;

/**
 * The time-service client reads what time-service answers: each of its calls against the responses recorded from the
 * real service (time-service's ClientContractTest keeps those recordings true), without starting either service.
 */
class TimeServiceContractTest {

    @Test
    void everyCallOfTheClientReadsTheRecordedAnswer() {
        Recordings.assertClientReads(TimeServiceClient.class);
    }
}
