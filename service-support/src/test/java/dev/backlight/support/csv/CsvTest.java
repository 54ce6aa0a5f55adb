package dev.backlight.support.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    record Row(String name, BigDecimal amount) {
    }

    @Test
    void cellsThatAFormulaCouldStartWithAreWrittenAsText() throws IOException {
        String csv = Csv.write(Row.class, List.of(
                new Row("=HYPERLINK(\"http://x\",\"y\")", new BigDecimal("-5")),
                new Row("+1", BigDecimal.ONE), new Row("-2", BigDecimal.ONE), new Row("@SUM(A1)", BigDecimal.ONE),
                new Row("\tTab", BigDecimal.ONE), new Row("\rReturn", BigDecimal.ONE), new Row("Plain - text", BigDecimal.ONE)));
        List<String> names = Csv.read(Row.class, new StringReader(csv)).stream().map(Row::name).toList();
        assertEquals(List.of("'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rReturn", "Plain - text"), names);
        assertTrue(csv.contains(",-5\n"), "numbers are written as numbers: " + csv);
    }
}
