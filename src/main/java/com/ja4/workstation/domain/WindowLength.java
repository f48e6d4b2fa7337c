package com.ja4.workstation.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A window length typed by the analyst in the time selector (or given to {@code render --window}):
 * a number and a unit, {@code 90m}, {@code 12h}, {@code 2d}, {@code 2w}, with or without a space,
 * any case, or several terms such as {@code 1h 30m} (the form the selector shows for such a length).
 * Whole minutes from {@link #MIN} to {@link #MAX}. Either {@link #length()} holds the duration or
 * {@link #problem()} says, for the analyst, why the text is refused.
 */
public record WindowLength(String text, Optional<Duration> length, String problem) {

    public static final Duration MIN = Duration.ofMinutes(5);
    public static final Duration MAX = Duration.ofDays(365);

    /** How to write a length, appended to the messages. */
    public static final String HINT = "type a number and a unit: m (minutes), h (hours), d (days) or w (weeks), e.g. 90m, 12h, 2d, 2w";

    private static final Map<String, Long> MINUTES_PER_UNIT = Map.ofEntries(
            Map.entry("m", 1L), Map.entry("min", 1L), Map.entry("mins", 1L), Map.entry("minute", 1L), Map.entry("minutes", 1L),
            Map.entry("h", 60L), Map.entry("hr", 60L), Map.entry("hrs", 60L), Map.entry("hour", 60L), Map.entry("hours", 60L),
            Map.entry("d", 1440L), Map.entry("day", 1440L), Map.entry("days", 1440L),
            Map.entry("w", 10080L), Map.entry("wk", 10080L), Map.entry("wks", 10080L), Map.entry("week", 10080L), Map.entry("weeks", 10080L));
    private static final Pattern TERMS = Pattern.compile("^(\\d+\\s*[a-z]+\\s*)+$");
    private static final Pattern TERM = Pattern.compile("(\\d+)\\s*([a-z]+)");
    private static final Pattern NEGATIVE = Pattern.compile("^-\\s*\\d.*");
    private static final Pattern FRACTION = Pattern.compile("^\\+?\\d*[.,]\\d+\\s*[a-z]*$");
    private static final Pattern BARE_NUMBER = Pattern.compile("^\\+?\\d+$");
    /** Longer counts cannot be a valid length; checked before parsing so no number overflows. */
    private static final int MAX_DIGITS = 9;

    public boolean isValid() {
        return length.isPresent();
    }

    public static WindowLength parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        String s = text.toLowerCase(Locale.ROOT);
        if (s.isEmpty()) return invalid(text, "Type a window length: " + HINT);
        if (NEGATIVE.matcher(s).matches()) return invalid(text, quote(text) + " is negative: a window length must be positive; " + HINT);
        if (FRACTION.matcher(s).matches()) {
            return invalid(text, quote(text) + " is not a whole number: the window is set in whole minutes or larger units, e.g. 90m for 1.5h");
        }
        if (BARE_NUMBER.matcher(s).matches()) return invalid(text, quote(text) + " has no unit: " + HINT);
        if (!TERMS.matcher(s).matches()) return invalid(text, quote(text) + " is not a window length: " + HINT);
        long minutes = 0;
        Matcher m = TERM.matcher(s);
        while (m.find()) {
            String unit = m.group(2);
            Long per = MINUTES_PER_UNIT.get(unit);
            if (per == null) return invalid(text, quote(text) + ": unknown unit \"" + unit + "\"" + unitAdvice(unit) + "; " + HINT);
            String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
            if (digits.length() > MAX_DIGITS) return tooLong(text);
            minutes += Long.parseLong(digits) * per; // at most 9 digits x 10080 per term: no overflow
            if (minutes > MAX.toMinutes()) return tooLong(text);
        }
        Duration d = Duration.ofMinutes(minutes);
        if (d.compareTo(MIN) < 0) {
            return invalid(text, quote(text) + " is too short: the window must be at least 5 minutes");
        }
        return new WindowLength(text, Optional.of(d), "");
    }

    private static String unitAdvice(String unit) {
        if (unit.startsWith("s")) return " (seconds are too fine: the window is set in whole minutes)";
        if (unit.startsWith("mo")) return " (months vary in length: use days, e.g. 30d)";
        if (unit.startsWith("y")) return " (the longest window is 365d)";
        return "";
    }

    private static WindowLength tooLong(String text) {
        return invalid(text, quote(text) + " is too long: the window can be at most 365 days");
    }

    private static WindowLength invalid(String text, String problem) {
        return new WindowLength(text, Optional.empty(), problem);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
