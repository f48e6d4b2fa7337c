package com.ja4.workstation.ui.common;

import com.ja4.workstation.domain.DisplayText;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

/**
 * How the views put text from a snapshot, a server or a file on screen: through
 * {@link DisplayText}, so that a value is bounded (an ellipsis marks the cut) and its invisible or
 * direction-changing characters show as markers. Laying out 100 KB of bidi text would stall the
 * JavaFX thread, and U+202E could make {@code evil.exe} read {@code exe.live}. The raw value stays
 * with the caller for copy, filter and export.
 */
public final class SafeText {

    /** Widest a tooltip gets before it wraps. */
    public static final double TOOLTIP_WIDTH = 640;

    private SafeText() {
    }

    /** A cell's or label's text. */
    public static String cell(Object raw) {
        return raw == null ? "" : DisplayText.cell(raw.toString());
    }

    /**
     * Longest legend entry: legend entries sit side by side on one line, so a cell's 200 characters
     * would push the others off it (the bar's tooltip keeps the whole key).
     */
    public static final int LEGEND = 24;

    /** A chart legend entry's text. */
    public static String legend(Object raw) {
        return raw == null ? "" : DisplayText.of(raw.toString(), LEGEND);
    }

    /** A tooltip's or message's text. */
    public static String tip(Object raw) {
        return raw == null ? "" : DisplayText.of(raw.toString(), DisplayText.TOOLTIP);
    }

    /** Most lines a composed tooltip keeps (see {@link #lines}). */
    public static final int MAX_LINES = 24;

    /**
     * A multi-line text the workstation composed (a tooltip: headline, then details) whose parts may
     * quote the data: each line shown safely, its own line breaks kept, at most {@link #MAX_LINES}
     * lines and about {@link DisplayText#TOOLTIP} characters in all.
     */
    public static String lines(Object raw) {
        if (raw == null) return "";
        StringBuilder out = new StringBuilder();
        String[] parts = raw.toString().split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            int room = DisplayText.TOOLTIP - out.length();
            if (i == MAX_LINES || room < 2) {
                out.append(DisplayText.ELLIPSIS);
                break;
            }
            if (i > 0) out.append('\n');
            out.append(DisplayText.of(parts[i], Math.max(2, room)));
        }
        return out.toString();
    }

    /** A wrapped tooltip showing {@code raw} safely. */
    public static Tooltip tooltip(Object raw) {
        Tooltip t = new Tooltip(tip(raw));
        t.setWrapText(true);
        t.setMaxWidth(TOOLTIP_WIDTH);
        return t;
    }

    /**
     * Shows {@code raw} on a label or cell; when what shows is not the whole value (cut or with
     * markers) the tooltip gives more of it, else {@code tipAlways} decides whether the value is
     * repeated as tooltip (narrow columns). Null clears both.
     */
    public static void show(Labeled target, Object raw, boolean tipAlways) {
        if (raw == null) {
            target.setText(null);
            target.setTooltip(null);
            return;
        }
        String text = raw.toString();
        String shown = DisplayText.cell(text);
        target.setText(shown);
        boolean changed = !shown.equals(text);
        if (text.isEmpty() || !(changed || tipAlways)) {
            target.setTooltip(null);
        } else if (target.getTooltip() != null) {
            target.getTooltip().setText(tip(text)); // reused: a new Tooltip (a popup control) per cell update cost the JavaFX thread
        } else {
            target.setTooltip(tooltip(text));
        }
    }

    /** {@link #show(Labeled, Object, boolean)} without a tooltip for a value shown whole. */
    public static void show(Labeled target, Object raw) {
        show(target, raw, false);
    }

    /** A table cell showing its text safely; {@code tipAlways}: the value as tooltip even when shown whole. */
    public static <R> javafx.scene.control.TableCell<R, String> tableCell(boolean tipAlways) {
        return new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                show(this, empty ? null : item, tipAlways);
            }
        };
    }

    /** A label showing {@code raw} safely. */
    public static javafx.scene.control.Label label(Object raw) {
        javafx.scene.control.Label l = new javafx.scene.control.Label();
        show(l, raw);
        return l;
    }
}
