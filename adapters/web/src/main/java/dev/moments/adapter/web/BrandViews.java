package dev.moments.adapter.web;

import dev.moments.adapter.web.Views.BrandView;
import dev.moments.domain.partner.Branding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * A partner's {@link Branding} as the redemption page shows it. The colour reaches the page as a small
 * {@code <style>} element of custom properties ({@code --accent} for buttons, links and the chosen option, and a
 * darker {@code --accent-dark} for hover), which the page's content security policy allows by its SHA-256 alone:
 * no inline style of any other content can run.
 */
final class BrandViews {

    /** How much darker the hover colour is: each sRGB channel times this. */
    private static final double HOVER_DARKENING = 0.8;

    private BrandViews() {
    }

    /** The view of {@code branding}, or {@code null} for a partner without one (the page's own look). */
    static BrandView of(Branding branding) {
        if (branding == null) {
            return null;
        }
        String style = null;
        String hash = null;
        if (branding.primaryColor() != null) {
            style = ":root{--accent:" + branding.primaryColor() + ";--accent-dark:"
                    + darker(branding.primaryColor()) + "}";
            hash = "'sha256-" + Base64.getEncoder().encodeToString(sha256(style)) + "'";
        }
        String logoOrigin = branding.logoUrl() == null ? null : ClaimForm.origin(branding.logoUrl());
        return new BrandView(branding.displayName(), branding.logoUrl(), branding.supportEmail(), style, hash,
                logoOrigin);
    }

    private static String darker(String color) {
        StringBuilder darker = new StringBuilder("#");
        for (int at = 1; at < 7; at += 2) {
            int channel = Integer.parseInt(color.substring(at, at + 2), 16);
            darker.append(String.format(Locale.ROOT, "%02X", (int) Math.round(channel * HOVER_DARKENING)));
        }
        return darker.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
