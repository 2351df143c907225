package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One reading of {@code /q/metrics}: each sample by its name and labels, as Prometheus' text format writes it. */
record MetricsScrape(Map<String, Double> samples, List<String> lines) {

    static MetricsScrape now() {
        String text = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new HashMap<>();
        List<String> lines = text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            // the 0.0.4 text format may end a label set with a comma: {outcome="recorded",}
            samples.put(line.substring(0, space).replace(",}", "}"), Double.parseDouble(line.substring(space + 1)));
        }
        return new MetricsScrape(samples, lines);
    }

    /** A sample's value; 0 for one not shown yet (a counter that never moved). */
    double value(String sample) {
        return samples.getOrDefault(sample, 0.0);
    }

    double minus(MetricsScrape earlier, String sample) {
        return value(sample) - earlier.value(sample);
    }
}
