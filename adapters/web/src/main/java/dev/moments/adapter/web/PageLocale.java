package dev.moments.adapter.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.text.Collator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The language a page is rendered in, picked from the browser's {@code Accept-Language} among the languages the
 * page has texts for (English by default); also formats times and country names for that language.
 */
final class PageLocale {

    /** The languages with a message file; the first is the default. */
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final Map<Locale, List<Country>> COUNTRIES = new ConcurrentHashMap<>();

    private final Locale locale;
    private final String preferredCountry;

    private PageLocale(Locale locale, String preferredCountry) {
        this.locale = locale;
        this.preferredCountry = preferredCountry;
    }

    /** The best supported language for this header (absent or unreadable: English). */
    static PageLocale from(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return new PageLocale(SUPPORTED.get(0), null);
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            Locale picked = Optional.ofNullable(Locale.lookup(ranges, SUPPORTED)).orElse(SUPPORTED.get(0));
            String country = ranges.stream()
                    .map(range -> Locale.forLanguageTag(range.getRange()).getCountry())
                    .filter(code -> code.matches("[A-Z]{2}"))
                    .findFirst().orElse(null);
            return new PageLocale(picked, country);
        } catch (IllegalArgumentException unreadable) {
            return new PageLocale(SUPPORTED.get(0), null);
        }
    }

    Locale locale() {
        return locale;
    }

    /** The language tag for {@code Content-Language}. */
    String tag() {
        return locale.toLanguageTag();
    }

    /** The country the browser's language hints at ({@code en-US} → {@code US}), or {@code null}. */
    String preferredCountry() {
        return preferredCountry;
    }

    /** The page's texts in this language. */
    Msg messages() {
        return locale.equals(SUPPORTED.get(0))
                ? MessageBundles.get(Msg.class)
                : MessageBundles.get(Msg.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    /** A time for humans, in UTC ("November 25, 2026 at 9:45 PM UTC"); the page's script shows it in local time. */
    String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }

    /** The countries a parcel may go to, named and sorted in this language. */
    List<Country> countries() {
        return COUNTRIES.computeIfAbsent(locale, language -> {
            Collator collator = Collator.getInstance(language);
            return Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream()
                    .map(code -> new Country(code, new Locale("", code).getDisplayCountry(language)))
                    .sorted(Comparator.comparing(Country::name, collator))
                    .toList();
        });
    }

    /** The name of a country in this language, or the code itself when unknown. */
    String countryName(String code) {
        return countries().stream().filter(country -> country.code().equals(code)).map(Country::name)
                .findFirst().orElse(code);
    }

    /** A country: its ISO-3166 alpha-2 code and its name. */
    record Country(String code, String name) {
    }
}
