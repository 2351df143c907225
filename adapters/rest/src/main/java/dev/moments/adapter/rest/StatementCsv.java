package dev.moments.adapter.rest;

import dev.moments.application.port.StatementLine;
import dev.moments.application.port.in.Statement;
import java.util.List;

/** Writes a statement's lines as RFC 4180 CSV: a header row, one row per moment, CRLF line ends. */
final class StatementCsv {

    static final String HEADER = "moment_id,name,actions_paid,reserved,released,settled,charged,currency";

    private StatementCsv() {
    }

    static String of(Statement statement) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (StatementLine line : statement.lines()) {
            row(csv, List.of(line.momentId().value(), text(line.momentName()), Long.toString(line.actionsPaid()),
                    line.reserved().toDecimalString(), line.released().toDecimalString(),
                    line.settled().toDecimalString(), line.charged().toDecimalString(),
                    line.reserved().currency().getCurrencyCode()));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /**
     * Partner-written text, defused for spreadsheets: a value that starts like a formula ({@code = + - @}, tab or
     * carriage return) gets a leading apostrophe so it is shown, never evaluated.
     */
    static String text(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** A field as is, or in double quotes with inner quotes doubled if it holds a comma, quote or line break. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
