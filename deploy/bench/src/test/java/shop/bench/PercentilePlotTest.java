package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PercentilePlotTest {

    @Test
    void ninesSpaceTheTailEqually() {
        assertEquals(0, PercentilePlot.nines(0), 1e-9);
        assertEquals(1, PercentilePlot.nines(90), 1e-9);
        assertEquals(2, PercentilePlot.nines(99), 1e-9);
        assertEquals(3, PercentilePlot.nines(99.9), 1e-9);
        assertEquals(4, PercentilePlot.nines(100), 1e-9);
    }

    @Test
    void plotIsValidSvgWithOneLinePerRepetitionAndEscapedNames() throws Exception {
        double[] curve = new double[Measurement.CURVE.size()];
        for (int c = 0; c < curve.length; c++) {
            curve[c] = 0.1 * (c + 1);
        }
        List<Measurement> runs = List.of(
                new Measurement("search <&>", "baseline", "store", "fixed-rate", 1, 1, 100, 0, 100, curve),
                new Measurement("search <&>", "baseline", "store", "fixed-rate", 2, 1, 100, 0, 100, curve),
                new Measurement("search <&>", "polyglot", "service", "fixed-rate", 1, 1, 100, 0, 100, curve));
        String svg = PercentilePlot.svg("search <&>", runs);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertEquals(3, document.getElementsByTagName("polyline").getLength());
        assertTrue(svg.contains("search &lt;&amp;&gt;"));
        assertTrue(svg.contains(">p99.9<") && svg.contains(">p99.99<"), "the tail ticks are labelled");
    }

    @Test
    void jsonStringsAndNumbersAreValidJson() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", SideBySideReport.str("a\"b\\c\n\u0001"));
        assertEquals("null", SideBySideReport.num(Double.NaN));
        assertEquals("1.5000", SideBySideReport.num(1.5));
    }
}
