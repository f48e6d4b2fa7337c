package com.ja4.workstation.ui.common;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Small formatting and clipboard helpers shared by views. */
public final class Fx {

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Fx() {
    }

    public static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    public static String decimal(double v, int digits) {
        return String.format(Locale.US, "%." + digits + "f", v);
    }

    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** A window as the views title it: "from → as-of UTC  (length)". */
    public static String window(com.ja4.workstation.domain.TimeWindow w) {
        return MINUTE.format(w.from()) + " → " + MINUTE.format(w.asOf()) + " UTC  (" + w.label() + ")";
    }

    public static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
