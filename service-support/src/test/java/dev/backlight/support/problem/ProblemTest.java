package dev.backlight.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void extensionsAreMembersOfTheirOwnAndNothingElse() throws Exception {
        Problem problem = new Problem(Problem.TYPE_BASE + "dependency-unavailable", "Service unavailable", 503,
                "time-service is not responding", "/api/metrics/reviews/monthly", null, Map.of("service", "time-service"));
        JsonNode written = json.readTree(json.writeValueAsString(problem));
        assertEquals("time-service", written.get("service").asText());
        assertEquals(List.of("type", "title", "status", "detail", "instance", "service"),
                namesOf(written.fieldNames()));
    }

    @Test
    void anExtensionMayNotShadowAStandardMember() {
        assertThrows(IllegalArgumentException.class, () -> new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409,
                "taken", "/x", null, Map.of("status", "OPEN")));
    }

    private static List<String> namesOf(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
