package dev.moments.adapter.rest;

import dev.moments.application.port.in.GetMomentReportQuery.Day;
import dev.moments.application.port.in.GetMomentReportQuery.Report;

/** Writes a report's daily rows as RFC 4180 CSV: a header row, one row per day, CRLF line ends. */
final class ReportCsv {

    static final String HEADER = "date,completions,awards,spend,currency";

    private ReportCsv() {
    }

    static String of(Report report) {
        String currency = report.spend().currency().getCurrencyCode();
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Day day : report.daily()) {
            csv.append(day.date()).append(',').append(day.completions()).append(',').append(day.awards()).append(',')
                    .append(day.spend().toDecimalString()).append(',').append(currency).append("\r\n");
        }
        return csv.toString();
    }
}
