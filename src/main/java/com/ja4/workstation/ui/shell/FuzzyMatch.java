package com.ja4.workstation.ui.shell;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * The command palette's fuzzy match, in the manner of editors' "go to anything": every typed
 * character must appear in the entry in order (case-insensitive); runs of consecutive characters,
 * characters at the start of a word and an entry that contains the text as typed rank higher.
 * "dtc" finds "Detections", "ipd" "IP drill-down". (Libraries for this score edit distance, which
 * ranks "Geo" above "Go to Geo" and finds entries that do not contain the letters at all.)
 */
public final class FuzzyMatch {

    private FuzzyMatch() {
    }

    /** The score of {@code text} for {@code query} (higher is better), empty when it does not match; 0 for an empty query. */
    public static OptionalInt score(String query, String text) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return OptionalInt.of(0);
        String t = text.toLowerCase(Locale.ROOT);
        int score = 0;
        int at = 0;
        int previous = -2;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == ' ') continue;
            int found = t.indexOf(c, at);
            if (found < 0) return OptionalInt.empty();
            score += 1;
            if (found == previous + 1) score += 4;
            if (found == 0 || !Character.isLetterOrDigit(t.charAt(found - 1))) score += 6;
            score -= Math.min(3, found - at); // a gap costs a little
            previous = found;
            at = found + 1;
        }
        int whole = t.indexOf(q);
        if (whole >= 0) score += 10 + (whole == 0 || !Character.isLetterOrDigit(t.charAt(whole - 1)) ? 10 : 0);
        return OptionalInt.of(score);
    }
}
