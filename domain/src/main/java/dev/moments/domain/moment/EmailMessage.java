package dev.moments.domain.moment;

import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The e-mail that tells a user about their award: a subject and a plain-text body, each of which may name
 * {@code {{redeemUrl}}}, {@code {{reward}}} and {@code {{expiresAt}}}. Any other {@code {{…}}} is refused when the
 * moment is saved, so a typo never reaches a user as braces. The HTML part is made from the same body (paragraphs at
 * blank lines, the link as a link), every character of the partner's text and of the values escaped. A body that does
 * not place {@code {{redeemUrl}}} gets the link at its end: the link is what the e-mail is for.
 *
 * @param subject one line of at most {@value #MAX_SUBJECT_LENGTH} characters
 * @param body at most {@value #MAX_BODY_LENGTH} characters; line breaks kept
 */
public record EmailMessage(String subject, String body) {

    /** The longest subject accepted. */
    public static final int MAX_SUBJECT_LENGTH = 200;
    /** The longest body accepted. */
    public static final int MAX_BODY_LENGTH = 5_000;
    /** The names a placeholder may have. */
    public static final Set<String> PLACEHOLDERS = Set.of("redeemUrl", "reward", "expiresAt");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    public EmailMessage {
        subject = Text.name("messages.email.subject", subject, MAX_SUBJECT_LENGTH);
        if (body == null || body.isBlank()) {
            throw new InvalidValueException("messages.email.body", "messages.email.body is required");
        }
        Text.prose("messages.email.body", body, MAX_BODY_LENGTH);
        checkPlaceholders("messages.email.subject", subject);
        checkPlaceholders("messages.email.body", body);
    }

    /**
     * The e-mail for one award.
     *
     * @param values {@code redeemUrl}, {@code reward} and {@code expiresAt}, as the user should read them
     */
    public Rendered render(Map<String, String> values) {
        String text = fill(body, values, false);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;"
                + "line-height:1.5;color:#1f2328\">");
        for (String paragraph : body.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(fill(paragraph.strip(), values, true).replaceAll("\\R", "<br>"))
                    .append("</p>");
        }
        String url = values.get("redeemUrl");
        if (url != null && !names(body, "redeemUrl")) {
            // the link is the point of the e-mail: a body that does not place it gets it at the end
            html.append("<p>").append(link(url)).append("</p>");
            text = text + "\n\n" + url;
        }
        html.append("</body></html>");
        return new Rendered(fill(subject, values, false), text, html.toString());
    }

    /** A subject with its text and HTML parts. */
    public record Rendered(String subject, String text, String html) {
    }

    private static void checkPlaceholders(String field, String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw new InvalidValueException(field, "unknown placeholder {{" + matcher.group(1)
                        + "}}; known: {{redeemUrl}}, {{reward}}, {{expiresAt}}");
            }
        }
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            String before = template.substring(last, matcher.start());
            out.append(html ? escape(before) : before);
            String name = matcher.group(1);
            String value = values.getOrDefault(name, "");
            if (html && name.equals("redeemUrl")) {
                out.append(link(value));
            } else {
                out.append(html ? escape(value) : value);
            }
            last = matcher.end();
        }
        String rest = template.substring(last);
        out.append(html ? escape(rest) : rest);
        return out.toString();
    }

    private static boolean names(String template, String placeholder) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (matcher.group(1).equals(placeholder)) {
                return true;
            }
        }
        return false;
    }

    private static String link(String url) {
        return "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
