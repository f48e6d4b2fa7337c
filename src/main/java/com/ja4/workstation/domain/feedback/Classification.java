package com.ja4.workstation.domain.feedback;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An analyst's verdict on an IP, as stored in soc_feedback.classification. */
public enum Classification {
    BOT, SUSPICIOUS, LEGITIMATE;

    /** Longest comment accepted, in characters. */
    public static final int MAX_COMMENT = 500;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(Classification::value).toList();
    }

    public static Optional<Classification> parse(String text) {
        if (text == null) return Optional.empty();
        for (Classification c : values()) if (c.value().equalsIgnoreCase(text.strip())) return Optional.of(c);
        return Optional.empty();
    }
}
