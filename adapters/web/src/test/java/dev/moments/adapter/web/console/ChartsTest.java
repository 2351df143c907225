package dev.moments.adapter.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's SVG charts: images with a title and a description, and no text left unescaped. */
class ChartsTest {

    @Test
    void aChart_isAnImageLabelledByItsTitleAndDescription() {
        String svg = Charts.funnel("chart-funnel", "Funnel", "Users at each step", List.of(
                new Charts.Bar("Reached", 10, "10"), new Charts.Bar("Completed", 4, "4")));

        assertThat(svg).startsWith("<svg").contains("role=\"img\"")
                .contains("aria-labelledby=\"chart-funnel-title chart-funnel-desc\"")
                .contains("<title id=\"chart-funnel-title\">Funnel</title>")
                .contains("<desc id=\"chart-funnel-desc\">Users at each step</desc>").endsWith("</svg>");
    }

    @Test
    void theLift_isAPointWithItsIntervalAgainstZero() {
        String svg = Charts.lift("chart-lift", "Lift", "d", 0.25, 0.1, 0.4, true);
        assertThat(svg).contains("+25.0 pp").contains("+10.0 pp").contains("+40.0 pp").contains("stroke-dasharray")
                .contains(Charts.TREATMENT);
        assertThat(Charts.lift("chart-lift", "Lift", "d", 0.0, -0.39, 0.49, false)).contains(Charts.CONTROL);
    }

    @Test
    void text_isEscaped() {
        String svg = Charts.funnel("f", "<script>", "a & b", List.of(new Charts.Bar("\"x\"", 1, "1")));
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("a &amp; b")
                .contains("&quot;x&quot;");
    }
}
