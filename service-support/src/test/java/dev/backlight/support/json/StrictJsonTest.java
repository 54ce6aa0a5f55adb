package dev.backlight.support.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class StrictJsonTest {

    record Sample(Integer minutes, String note, LocalDate day, YearMonth month, Instant at, OffsetDateTime startedAt) {
    }

    private final ObjectMapper mapper = strictMapper();

    /** As Quarkus builds it: the Java time module first, then the customizers. */
    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    private Sample read(String json) throws JsonProcessingException {
        return mapper.readValue(json, Sample.class);
    }

    @Test
    void readsWellFormedValuesAsSent() throws JsonProcessingException {
        Sample sample = read("{\"minutes\":90,\"note\":\"=SUM(A1)\",\"day\":\"2026-03-08\",\"month\":\"2026-03\","
                + "\"at\":\"2026-03-08T06:30:00Z\",\"startedAt\":\"2026-03-08T01:30:00-05:00\"}");
        assertEquals(90, sample.minutes());
        assertEquals(LocalDate.of(2026, 3, 8), sample.day());
        assertEquals(Instant.parse("2026-03-08T06:30:00Z"), sample.startedAt().toInstant());
    }

    @Test
    void refusesAFractionForAWholeNumber() {
        assertThrows(MismatchedInputException.class, () -> read("{\"minutes\":90.7}"));
    }

    @Test
    void refusesAKeyGivenTwice() {
        assertThrows(JsonProcessingException.class, () -> read("{\"minutes\":1,\"minutes\":2}"));
    }

    @Test
    void refusesNul() {
        InvalidValue refused = assertThrows(InvalidValue.class, () -> read("{\"note\":\"a\\u0000b\"}"));
        assertEquals("must not contain the NUL character", refused.rule());
    }

    @Test
    void refusesNumbersForInstants() {
        assertThrows(MismatchedInputException.class, () -> read("{\"at\":12345}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"startedAt\":12345}"));
    }

    @Test
    void refusesDatesOutsideTheCalendarLimits() {
        assertThrows(InvalidValue.class, () -> read("{\"day\":\"+999999999-12-31\"}"));
        assertThrows(InvalidValue.class, () -> read("{\"day\":\"1899-12-31\"}"));
        assertThrows(InvalidValue.class, () -> read("{\"month\":\"-999999999-01\"}"));
        assertThrows(InvalidValue.class, () -> read("{\"at\":\"+999999999-12-31T00:00:00Z\"}"));
        assertEquals(LocalDate.of(2999, 12, 31), assertDoesNotThrow("{\"day\":\"2999-12-31\"}").day());
    }

    private Sample assertDoesNotThrow(String json) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> read(json));
    }
}
