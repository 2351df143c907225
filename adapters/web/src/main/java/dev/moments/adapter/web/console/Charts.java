package dev.moments.adapter.web.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as SVG drawn on the server: no script, nothing to download, and each one an image with a
 * {@code <title>} and a {@code <desc>} saying what it shows (the pages put the figures in a table beside it too). The
 * drawings use a 360-unit-wide view box, about a phone's width, so their text stays readable there and grows on a
 * desktop. Colours keep at least 3:1 against white (treatment #0b57d0, control #4b5563, spend #b45309).
 */
final class Charts {

    static final String TREATMENT = "#0b57d0";
    static final String CONTROL = "#4b5563";
    static final String SPEND = "#b45309";
    static final String GRID = "#6b7280";
    static final String TEXT = "#1f2328";

    private static final int WIDTH = 360;

    private Charts() {
    }

    /** A labelled value of a bar chart. */
    record Bar(String label, double value, String valueText) {
    }

    /** One day of the daily chart: its completions, and its spend as the exact amount. */
    record Point(String label, long completions, BigDecimal spend) {
    }

    /** A pair of bars, treatment and control, under one label; a {@code null} value is drawn as "n/a". */
    record Pair(String label, Double treatment, Double control, String treatmentText, String controlText) {
    }

    /** Horizontal bars, each as long as its share of the first (the funnel: reached, progressed, …). */
    static String funnel(String id, String title, String description, List<Bar> bars) {
        int rowHeight = 28;
        int height = bars.size() * rowHeight + 8;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder svg = open(id, title, description, height);
        int labelWidth = 96;
        int barSpace = WIDTH - labelWidth - 64;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 4 + i * rowHeight;
            double length = max <= 0 ? 0 : bar.value() / max * barSpace;
            svg.append(text(0, y + 18, bar.label(), "start", 12, false));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" rx=\"3\" fill=\"%s\"/>",
                    labelWidth, y + 3, Math.max(length, 1.5), TREATMENT));
            svg.append(text(labelWidth + length + 6, y + 18, bar.valueText(), "start", 12, true));
        }
        return svg.append("</svg>").toString();
    }

    /** Completions per day as bars (left scale), spend per day as a line with points (right scale). */
    static String daily(String id, String title, String description, List<Point> days, String spendUnit) {
        int height = 210;
        int left = 34;
        int right = WIDTH - 44;
        int top = 16;
        int bottom = 160;
        double maxCompletions = Math.max(1, days.stream().mapToLong(Point::completions).max().orElse(0));
        BigDecimal maxSpend = days.stream().map(Point::spend).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        StringBuilder svg = open(id, title, description, height);
        svg.append(line(left, bottom, right, bottom, GRID, false));
        svg.append(line(left, top, right, top, "#d0d4da", true));
        svg.append(text(left - 4, top + 4, number(maxCompletions), "end", 11, false));
        svg.append(text(left - 4, bottom + 4, "0", "end", 11, false));
        svg.append(text(right + 4, top + 4, maxSpend.signum() > 0 ? maxSpend.toPlainString() : "0", "start", 11,
                false));
        svg.append(text(right + 4, bottom + 4, "0", "start", 11, false));
        int n = days.size();
        if (n > 0) {
            double slot = (double) (right - left) / n;
            double barWidth = Math.max(1, slot * 0.7);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Point day = days.get(i);
                double x = left + i * slot + (slot - barWidth) / 2;
                double h = day.completions() / maxCompletions * (bottom - top);
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                        x, bottom - h, barWidth, h, TREATMENT));
                double cx = left + i * slot + slot / 2;
                // the spend's share of the largest day, for the drawing only: the amounts stay exact
                double share = maxSpend.signum() <= 0 ? 0
                        : day.spend().divide(maxSpend, 6, RoundingMode.HALF_EVEN).doubleValue();
                double cy = bottom - share * (bottom - top);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx, cy));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
                        cx, cy, SPEND));
            }
            svg.append(String.format(Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", points.toString().strip(),
                    SPEND));
            svg.append(text(left, bottom + 16, days.get(0).label(), "start", 11, false));
            if (n > 1) {
                svg.append(text(right, bottom + 16, days.get(n - 1).label(), "end", 11, false));
            }
        }
        int legend = bottom + 38;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                left, legend - 10, TREATMENT));
        svg.append(text(left + 16, legend, "completions (left)", "start", 11, false));
        svg.append(line(left + 150, legend - 4, left + 166, legend - 4, SPEND, false));
        svg.append(text(left + 170, legend, "spend, " + spendUnit + " (right)", "start", 11, false));
        return svg.append("</svg>").toString();
    }

    /**
     * The lift (treatment rate − control rate) as a point with its 95% interval, against a dashed line at zero; in
     * percentage points. Blue when the interval excludes zero, grey while it does not.
     */
    static String lift(String id, String title, String description, double estimate, double lower, double upper,
                       boolean significant) {
        int height = 96;
        double lo = Math.min(lower, 0);
        double hi = Math.max(upper, 0);
        double span = hi - lo;
        if (span <= 0) {
            span = 0.02;
            lo -= 0.01;
            hi += 0.01;
        }
        lo -= span * 0.12;
        hi += span * 0.12;
        int left = 16;
        int right = WIDTH - 16;
        double scale = (right - left) / (hi - lo);
        double x0 = left + (0 - lo) * scale;
        double xl = left + (lower - lo) * scale;
        double xu = left + (upper - lo) * scale;
        double xe = left + (estimate - lo) * scale;
        String colour = significant ? TREATMENT : CONTROL;
        StringBuilder svg = open(id, title, description, height);
        svg.append(line(left, 60, right, 60, GRID, false));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"72\" stroke=\"%s\""
                + " stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>", x0, x0, TEXT));
        svg.append(text(x0, 88, "0", "middle", 11, false));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"40\" x2=\"%.1f\" y2=\"40\" stroke=\"%s\""
                + " stroke-width=\"4\"/>", xl, xu, colour));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"32\" x2=\"%.1f\" y2=\"48\" stroke=\"%s\""
                + " stroke-width=\"2\"/>", xl, xl, colour));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"32\" x2=\"%.1f\" y2=\"48\" stroke=\"%s\""
                + " stroke-width=\"2\"/>", xu, xu, colour));
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"40\" r=\"6\" fill=\"%s\"/>", xe, colour));
        svg.append(text(clamp(xe, left + 36, right - 36), 24, points(estimate), "middle", 12, true));
        if (xu - xl < 90) {
            // a narrow interval: its bounds in one label, kept inside the drawing
            svg.append(text(clamp((xl + xu) / 2, left + 80, right - 80), 88,
                    "95%: " + points(lower) + " to " + points(upper), "middle", 11, false));
        } else {
            svg.append(text(Math.max(left, xl), 76, points(lower), xl - left < 30 ? "start" : "middle", 11, false));
            svg.append(text(Math.min(right, xu), 76, points(upper), right - xu < 30 ? "end" : "middle", 11, false));
        }
        return svg.append("</svg>").toString();
    }

    /** Pairs of bars, treatment beside control, each label's values on a 0–100% scale (or their own maximum). */
    static String pairs(String id, String title, String description, List<Pair> pairs, boolean percent) {
        int rowHeight = 54;
        int height = pairs.size() * rowHeight + 30;
        int labelWidth = 96;
        int barSpace = WIDTH - labelWidth - 70;
        double max = percent ? 1 : Math.max(1e-9, pairs.stream()
                .flatMap(p -> java.util.stream.Stream.of(p.treatment(), p.control()))
                .filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1));
        StringBuilder svg = open(id, title, description, height);
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            int y = 4 + i * rowHeight;
            svg.append(text(0, y + 28, pair.label(), "start", 12, false));
            bar(svg, labelWidth, y + 4, pair.treatment(), max, barSpace, TREATMENT, pair.treatmentText());
            bar(svg, labelWidth, y + 26, pair.control(), max, barSpace, CONTROL, pair.controlText());
        }
        int legend = height - 8;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                labelWidth, legend - 10, TREATMENT));
        svg.append(text(labelWidth + 16, legend, "treatment", "start", 11, false));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                labelWidth + 100, legend - 10, CONTROL));
        svg.append(text(labelWidth + 116, legend, "control (held out)", "start", 11, false));
        return svg.append("</svg>").toString();
    }

    private static void bar(StringBuilder svg, int x, int y, Double value, double max, int space, String colour,
                            String valueText) {
        if (value == null) {
            svg.append(text(x, y + 14, "n/a", "start", 11, false));
            return;
        }
        double length = Math.max(1.5, Math.max(0, value) / max * space);
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" rx=\"3\" fill=\"%s\"/>", x, y, length, colour));
        svg.append(text(x + length + 6, y + 14, valueText, "start", 11, true));
    }

    private static StringBuilder open(String id, String title, String description, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" id=\"").append(escape(id)).append("\" xmlns=\"http://www.w3.org/2000/svg\"")
                .append(" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\"")
                .append(" aria-labelledby=\"").append(escape(id)).append("-title ").append(escape(id))
                .append("-desc\" font-family=\"system-ui, sans-serif\">")
                .append("<title id=\"").append(escape(id)).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(escape(id)).append("-desc\">").append(escape(description))
                .append("</desc>");
        return svg;
    }

    private static String text(double x, double y, String content, String anchor, int size, boolean bold) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\""
                + " text-anchor=\"%s\"%s>%s</text>", x, y, size, TEXT, anchor, bold ? " font-weight=\"700\"" : "",
                escape(content));
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"%s\"%s/>", x1, y1, x2, y2, colour, dashed ? "1" : "2",
                dashed ? " stroke-dasharray=\"3 3\"" : "");
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** A rate difference in percentage points, signed: {@code +12.3 pp}. */
    static String points(double difference) {
        return String.format(Locale.ROOT, "%+.1f pp", difference * 100);
    }

    /** A share as a percentage: {@code 42.0%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
