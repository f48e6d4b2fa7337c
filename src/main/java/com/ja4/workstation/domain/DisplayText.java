package com.ja4.workstation.domain;

/**
 * Text from a snapshot, a server or a file, made safe to show: bounded in length (an ellipsis marks
 * the cut) and with every invisible or direction-changing character shown as a readable marker
 * such as {@code ⟦U+202E⟧}, so that {@code evil\u202Eexe.txt} cannot pass for {@code eviltxt.exe}.
 *
 * <p>Only the shown text changes: callers keep the raw value for copy and export. The work is one
 * pass over at most the first {@code maxLength} characters shown, so a 100 KB value costs no more
 * than a short one.
 */
public final class DisplayText {

    /** A table cell or a one-line label. */
    public static final int CELL = 200;
    /** A tooltip or a message that names a value. */
    public static final int TOOLTIP = 2_000;

    public static final String ELLIPSIS = "…";
    private static final String OPEN = "⟦";
    private static final String CLOSE = "⟧";

    private DisplayText() {
    }

    /** {@link #of(String, int)} with the cell length. */
    public static String cell(String raw) {
        return of(raw, CELL);
    }

    /**
     * The value as it may be shown: at most {@code maxLength} characters (the last one an ellipsis
     * when cut), invisible characters as markers. Null becomes the empty string.
     */
    public static String of(String raw, int maxLength) {
        if (maxLength < 2) throw new IllegalArgumentException("maxLength must be at least 2");
        if (raw == null) return "";
        if (raw.length() <= maxLength && isPlain(raw)) return raw;
        StringBuilder out = new StringBuilder(Math.min(raw.length(), maxLength) + 16);
        int budget = maxLength - 1; // room kept for the ellipsis
        int i = 0;
        while (i < raw.length()) {
            int cp = raw.codePointAt(i);
            int width = Character.charCount(cp);
            boolean surrogate = width == 1 && Character.isSurrogate((char) cp);
            String piece = needsMarker(cp) || surrogate ? marker(cp) : null;
            int len = piece != null ? piece.length() : width;
            boolean last = i + width >= raw.length();
            // the final piece may use the ellipsis's room; any other must leave it
            if (out.length() + len > (last ? maxLength : budget)) {
                out.append(ELLIPSIS);
                return out.toString();
            }
            if (piece != null) out.append(piece);
            else out.appendCodePoint(cp);
            i += width;
        }
        return out.toString();
    }

    /** True when the value would be shown unchanged by {@link #of} (short enough aside). */
    public static boolean isPlain(String raw) {
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int width = Character.charCount(cp);
            if (needsMarker(cp) || (width == 1 && Character.isSurrogate((char) cp))) return false;
            i += width;
        }
        return true;
    }

    /**
     * Characters that are invisible, reorder text, or break a line: controls (Cc, NUL, CR, LF, tab
     * included), format characters (Cf: bidi embeddings, overrides and isolates U+202A–U+202E,
     * U+2066–U+2069, marks U+200E/U+200F, zero-width space and joiners, U+FEFF), line and paragraph
     * separators, and the blank fillers that render as nothing (Hangul fillers U+115F, U+1160,
     * U+3164, U+FFA0, braille blank U+2800).
     */
    static boolean needsMarker(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return true;
        }
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
    }

    private static String marker(int cp) {
        String hex = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
        return OPEN + "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex + CLOSE;
    }
}
