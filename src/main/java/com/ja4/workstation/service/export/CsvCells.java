package com.ja4.workstation.service.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV cells a spreadsheet will not run (CSV or formula injection, as OWASP describes it): a text
 * cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets
 * a leading apostrophe, which spreadsheets show as text and do not evaluate. Quoting and embedded
 * quotes are left to the CSV printer.
 *
 * <p>Numbers stay numbers: a value that is a Java number (a score, a count) is written as it is,
 * negative or not, since the database typed it; and a text cell that is nothing but a plain decimal
 * number ({@code -12}, {@code -0.5}, {@code -1e-3}) is left alone too, because a spreadsheet reads
 * it as that number and nothing else. Anything else that starts with a trigger ({@code -1+2},
 * {@code -A1}, {@code =HYPERLINK(…)}) is neutralised.
 */
public final class CsvCells {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private CsvCells() {
    }

    /** The value as it may be written to a CSV cell. */
    public static Object safe(Object value) {
        return value instanceof CharSequence cs ? safe(cs.toString()) : value;
    }

    public static String safe(String text) {
        if (text == null || text.isEmpty()) return text;
        char first = text.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!trigger) return text;
        if ((first == '-' || first == '+') && PLAIN_NUMBER.matcher(text).matches()) return text;
        return "'" + text;
    }

    /** Every value of a row made safe. */
    public static List<Object> safe(List<?> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) out.add(safe(v));
        return out;
    }
}
