package dev.backlight.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Responses of time-service recorded for the services that read it: what their clients parse, kept in
 * {@code contracts/time-service}. time-service checks that it still answers every recording's shape; each reader checks
 * that its client records read every recording it uses. A change on either side that breaks the other fails a build.
 */
public final class Recordings {

    /** One recorded call: who asked, what, and the answer. */
    public record Recording(String name, String role, String path, JsonNode response) {
    }

    /** The calls metrics-service and client-costing-service make, by recording name. */
    public static final List<String> TIME_SERVICE = List.of("tenant", "headcount", "functions", "employees", "me", "clients",
            "hours-by-function", "hours-by-function-and-month", "hours-by-employee-and-day", "hours-by-client-and-employee", "hours-by-client-and-function",
            "person-days-by-function-employee-and-month",
            "interruptions", "timeline", "interruption-moments");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String FOLDER = "contracts/time-service/";

    private Recordings() {
    }

    public static Recording timeService(String name) {
        try (InputStream in = Recordings.class.getClassLoader().getResourceAsStream(FOLDER + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No recording " + FOLDER + name + ".json");
            }
            JsonNode file = JSON.readTree(in);
            return new Recording(name, file.get("role").asText(), file.get("path").asText(), file.get("response"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a recording into {@code folder} (record mode, run by hand when the calls change). */
    public static void write(Path folder, String name, String role, String path, String responseBody) {
        try {
            ObjectNode file = JSON.createObjectNode().put("role", role).put("path", path);
            file.set("response", JSON.readTree(responseBody));
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name + ".json"), JSON.writeValueAsString(file) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The actual answer has every field the recording has, of the same JSON type, at every depth (the first item of an
     * array stands for all of them). Values may differ: ids and dates come from each run's data.
     */
    public static void assertConforms(JsonNode recorded, String actualBody, String where) {
        try {
            conforms(recorded, JSON.readTree(actualBody), where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void conforms(JsonNode recorded, JsonNode actual, String where) {
        if (recorded.isNull()) {
            return; // a null recorded value says nothing about the type
        }
        assertFalse(actual == null || actual.isMissingNode(), where + " is missing");
        if (actual.isNull()) {
            return;
        }
        assertEquals(recorded.getNodeType(), actual.getNodeType(), where + " changed type");
        if (recorded.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = recorded.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                conforms(field.getValue(), actual.path(field.getKey()), where + "." + field.getKey());
            }
        } else if (recorded.isArray() && !recorded.isEmpty()) {
            assertTrue(actual.size() > 0, where + " is empty where the recording has items");
            conforms(recorded.get(0), actual.get(0), where + "[0]");
        }
    }

    /**
     * A reader's REST client interface reads what time-service was recorded answering: every one of its methods is
     * matched by a recording of the same path and query parameter names, and that recording's response parses into the
     * method's declared type with a value for every field the recording has a value for.
     */
    public static void assertClientReads(Class<?> client) {
        ObjectMapper reader = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        String base = client.getAnnotation(jakarta.ws.rs.Path.class).value();
        List<Recording> recordings = TIME_SERVICE.stream().map(Recordings::timeService).toList();
        for (Method method : client.getDeclaredMethods()) {
            jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
            if (path == null || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Set<String> parameters = Arrays.stream(method.getParameters())
                    .map(p -> p.getAnnotation(QueryParam.class)).filter(Objects::nonNull).map(QueryParam::value)
                    .collect(Collectors.toSet());
            String expected = base + path.value();
            List<Recording> matching = recordings.stream()
                    .filter(r -> r.path().split("\\?")[0].equals(expected) && parameters.containsAll(queryNames(r.path())))
                    .toList();
            assertFalse(matching.isEmpty(), client.getSimpleName() + "." + method.getName() + " (" + expected + " " + parameters
                    + ") has no recording of time-service's answer");
            Type answer = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
            for (Recording recording : matching) {
                Object parsed;
                try {
                    parsed = reader.readValue(reader.treeAsTokens(recording.response()), reader.constructType(answer));
                } catch (IOException e) {
                    throw new AssertionError(method.getName() + " cannot read the recording " + recording.name() + ": " + e.getMessage(), e);
                }
                JsonNode read = reader.valueToTree(parsed);
                assertReadsValues(recording.response(), read, recording.name());
            }
        }
    }

    /** Every field the client's type has is filled wherever the recording has a value for it. */
    private static void assertReadsValues(JsonNode recorded, JsonNode read, String where) {
        if (read.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = read.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode original = recorded.path(field.getKey());
                assertFalse(original.isMissingNode(), where + "." + field.getKey() + " is read but time-service does not send it");
                if (!original.isNull()) {
                    assertFalse(field.getValue().isNull(), where + "." + field.getKey() + " was sent but not read");
                    assertReadsValues(original, field.getValue(), where + "." + field.getKey());
                }
            }
        } else if (read.isArray() && !read.isEmpty()) {
            assertReadsValues(recorded.get(0), read.get(0), where + "[0]");
        }
    }

    private static List<String> queryNames(String path) {
        int query = path.indexOf('?');
        return query < 0 ? List.of() : Arrays.stream(path.substring(query + 1).split("&")).map(p -> p.split("=")[0]).toList();
    }
}
