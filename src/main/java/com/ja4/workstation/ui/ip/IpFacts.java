package com.ja4.workstation.ui.ip;

import com.ja4.workstation.analysis.fingerprint.TcpVerdict;
import com.ja4.workstation.domain.ip.Recurrence;
import com.ja4.workstation.service.ip.IpAnalysis.TcpFinding;
import com.ja4.workstation.ui.common.Fx;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The drill-down's fact panels as labels: the TCP/OS verdict with its reasons, and the recurrence. */
final class IpFacts {

    private IpFacts() {
    }

    /** The dominant SYN shape's verdict and reasons, then the other shapes of the IP. */
    static void showTcp(VBox box, List<TcpFinding> findings) {
        box.getChildren().clear();
        if (findings.isEmpty()) return;
        TcpFinding main = findings.get(0);
        TcpVerdict v = main.verdict();
        if (v == null) {
            Label l = new Label("The SYN values are out of range: " + main.tuple().shape());
            l.setWrapText(true);
            box.getChildren().add(l);
            return;
        }
        Label os = new Label(v.os());
        os.getStyleClass().add("verdict-os");
        if (v.scanner()) os.getStyleClass().add("verdict-scanner");
        Label conf = new Label(String.format(Locale.ROOT, "confidence %d%%  ·  initial TTL %d, %d hops  ·  %s",
                Math.round(v.confidence() * 100), v.initialTtl(), v.hops(), v.path()));
        conf.getStyleClass().add("muted");
        conf.setWrapText(true);
        Label shape = new Label(main.tuple().shape() + "  (" + hits(main.tuple().hits()) + ")");
        box.getChildren().addAll(os, conf, shape);
        for (String reason : v.reasons()) {
            Label r = new Label("• " + reason);
            r.setWrapText(true);
            r.getStyleClass().add("verdict-reason");
            box.getChildren().add(r);
        }
        if (findings.size() > 1) {
            Label more = new Label("Other SYN shapes of this IP:");
            more.getStyleClass().add("muted");
            box.getChildren().add(more);
            for (TcpFinding f : findings.subList(1, Math.min(findings.size(), 5))) {
                Label l = new Label("• " + f.tuple().shape() + " → " + (f.verdict() == null ? "out of range" : f.verdict().os())
                        + " (" + hits(f.tuple().hits()) + ")");
                l.setWrapText(true);
                box.getChildren().add(l);
            }
        }
    }

    static void showRecurrence(GridPane grid, Optional<Recurrence> r) {
        grid.getChildren().clear();
        grid.setHgap(12);
        grid.setVgap(6);
        if (r.isEmpty()) return;
        Recurrence x = r.get();
        row(grid, 0, "Recurrence", Fx.count(x.recurrence()));
        row(grid, 1, "Days active", Fx.count(x.daysActive()));
        row(grid, 2, "Distinct hosts", Fx.count(x.distinctHosts()));
        row(grid, 3, "First seen", x.firstSeen() == null ? "" : Fx.MINUTE.format(x.firstSeen()) + " UTC");
        row(grid, 4, "Last seen", x.lastSeen() == null ? "" : Fx.MINUTE.format(x.lastSeen()) + " UTC");
    }

    private static void row(GridPane grid, int i, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("muted");
        n.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        v.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(i, n, v);
    }

    static String hits(long n) {
        return Fx.count(n) + (n == 1 ? " hit" : " hits");
    }

    /** The radar's name of a behaviour feature. */
    static String axisLabel(String feature) {
        return switch (feature) {
            case "hit_velocity" -> "velocity";
            case "fuzzing_index" -> "fuzzing";
            case "post_ratio" -> "POST ratio";
            case "asset_ratio" -> "asset ratio";
            case "direct_access_ratio" -> "direct access";
            case "temporal_entropy" -> "temporal entropy";
            case "path_diversity_ratio" -> "path diversity";
            case "modern_browser_score" -> "modern browser";
            default -> feature;
        };
    }
}
