package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusterChange;
import com.ja4.workstation.ui.common.Fx;

/** How a cluster's change since the baseline reads on a card badge, in the sidebar and in the Changes list. */
final class ChangeText {

    private ChangeText() {
    }

    /** True when the change is worth a badge or an outline: anything but a stable cluster in the same group. */
    static boolean notable(ClusterChange c) {
        return c.kind() != ClusterChange.Kind.STABLE || c.groupChanged();
    }

    /** "new", "grown", "shrunk", "vanished", "group changed", "stable". */
    static String badge(ClusterChange c) {
        return switch (c.kind()) {
            case NEW -> "new";
            case GROWN -> "grown";
            case SHRUNK -> "shrunk";
            case VANISHED -> "vanished";
            case STABLE -> c.groupChanged() ? "group changed" : "stable";
        };
    }

    /** "72 → 139 pairs", "139 pairs" (new), "60 pairs before" (vanished). */
    static String sizes(ClusterChange c) {
        return switch (c.kind()) {
            case NEW -> Fx.count(c.pairs()) + " pairs";
            case VANISHED -> Fx.count(c.earlierPairs()) + " pairs before";
            default -> Fx.count(c.earlierPairs()) + " → " + Fx.count(c.pairs()) + " pairs";
        };
    }

    /** The card's badge text: "grown 72 → 139 pairs", "new". */
    static String cardBadge(ClusterChange c) {
        String group = c.groupChanged() ? " · was " + c.earlierGroup().label() : "";
        return switch (c.kind()) {
            case NEW -> "new";
            case STABLE -> "group changed" + group;
            default -> badge(c) + " " + sizes(c) + group;
        };
    }

    /** The sidebar's line: "Grown since the window before: 72 → 139 pairs; matched 'Raw-packet tools on Linux (2)'." */
    static String sentence(ClusterChange c, String baseline) {
        String group = c.groupChanged() ? "; it was in " + c.earlierGroup().label() + ", now " + c.group().label() : "";
        String matched = c.earlierLabel() == null ? "" : "; matched " + quote(c.earlierLabel());
        return switch (c.kind()) {
            case NEW -> "New since " + baseline + ": no earlier cluster matches it (" + Fx.count(c.pairs()) + " pairs).";
            case GROWN -> "Grown since " + baseline + ": " + sizes(c) + matched + group + ".";
            case SHRUNK -> "Shrunk since " + baseline + ": " + sizes(c) + matched + group + ".";
            case STABLE -> "About the same size as in " + baseline + ": " + sizes(c) + matched + group + ".";
            case VANISHED -> "Vanished since " + baseline + ": " + quote(c.earlierLabel()) + ", " + sizes(c) + ".";
        };
    }

    /** Style class of the badge (colour per kind). */
    static String styleClass(ClusterChange.Kind kind) {
        return "change-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String quote(String s) {
        return "“" + s + "”";
    }
}
