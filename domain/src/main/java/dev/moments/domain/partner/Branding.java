package dev.moments.domain.partner;

import dev.moments.domain.shared.EmailAddress;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import dev.moments.domain.shared.WebAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a partner's redemption pages look to its users: the name they know, a logo, the brand's colour and where to ask
 * for help. The colour carries white text (the claim button) and is text on white (links), so it must contrast with
 * white at least {@value #MIN_CONTRAST}:1, the WCAG 2 AA level for normal text.
 *
 * @param displayName the name shown at the top of every page
 * @param logoUrl an absolute https address of the logo, or {@code null}
 * @param primaryColor {@code #RRGGBB} in upper case, or {@code null} for the page's own colour
 * @param supportEmail where users write about their reward, or {@code null}
 */
public record Branding(PartnerId partnerId, String displayName, String logoUrl, String primaryColor,
                       String supportEmail) {

    /** The longest display name accepted. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;

    /** The least contrast of the primary colour against white (WCAG 2, AA, normal text). */
    public static final double MIN_CONTRAST = 4.5;

    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public Branding {
        Objects.requireNonNull(partnerId, "partnerId");
        displayName = Text.name("displayName", displayName, MAX_DISPLAY_NAME_LENGTH);
        logoUrl = WebAddress.optional("logoUrl", logoUrl);
        if (logoUrl != null && !logoUrl.regionMatches(true, 0, "https:", 0, 6)) {
            throw new InvalidValueException("logoUrl", "logoUrl must be an https URL (the page is served over https)");
        }
        primaryColor = color(primaryColor);
        supportEmail = EmailAddress.optional("supportEmail", supportEmail);
    }

    private static String color(String color) {
        if (color == null) {
            return null;
        }
        if (!COLOR.matcher(color).matches()) {
            throw new InvalidValueException("primaryColor", "primaryColor must be #RRGGBB, e.g. #1A56DB");
        }
        double contrast = contrastWithWhite(color);
        if (contrast < MIN_CONTRAST) {
            throw new InvalidValueException("primaryColor", String.format(Locale.ROOT,
                    "%s contrasts %.2f:1 with white; at least %.1f:1 is needed for white text on it to be read (WCAG"
                            + " AA): choose a darker colour", color, contrast, MIN_CONTRAST));
        }
        return color.toUpperCase(Locale.ROOT);
    }

    /** The WCAG 2 contrast ratio of {@code #RRGGBB} against white, from 1 (white) to 21 (black). */
    public static double contrastWithWhite(String color) {
        double luminance = 0.2126 * channel(color, 1) + 0.7152 * channel(color, 3) + 0.0722 * channel(color, 5);
        return 1.05 / (luminance + 0.05);
    }

    /** The relative luminance of one sRGB channel, linearised as WCAG 2 defines it. */
    private static double channel(String color, int at) {
        double value = Integer.parseInt(color.substring(at, at + 2), 16) / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }
}
