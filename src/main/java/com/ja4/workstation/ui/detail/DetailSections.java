package com.ja4.workstation.ui.detail;

import com.ja4.workstation.analysis.fingerprint.OsFinding;
import com.ja4.workstation.analysis.fingerprint.TcpVerdict;
import com.ja4.workstation.domain.DisplayText;
import com.ja4.workstation.domain.Ja4;
import com.ja4.workstation.domain.detail.SignalGroup;
import com.ja4.workstation.service.detail.RowDetail;
import com.ja4.workstation.service.detail.SignalValue;
import com.ja4.workstation.service.detail.TcpDetail;
import com.ja4.workstation.ui.common.Fx;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A row's detail as nodes: "why it fired" first, then one collapsible section per group, each
 * signal with its one-line meaning, its value and, for a behaviour feature, the human and
 * datacenter/hosting baselines of the window and its distance from the human one.
 */
final class DetailSections {

    /** A distance from the human baseline at least this large is marked. */
    static final double FAR = 3;
    private static final double LABEL_WIDTH = 150;
    private static final double FIGURE_WIDTH = 72;

    private DetailSections() {
    }

    static List<Node> of(RowDetail d) {
        VBox why = whyItFired(d);
        VBox body = new VBox(8, why);
        for (RowDetail.Section s : d.sections()) body.getChildren().add(section(d, s));
        return List.of(body);
    }

    private static VBox whyItFired(RowDetail d) {
        Label title = new Label("Why it fired: furthest from the human baseline");
        title.getStyleClass().add("panel-title");
        VBox box = new VBox(4, title);
        box.getStyleClass().addAll("detail-why");
        box.setId("whyItFired");
        if (d.baselines().humanWindows() == 0) {
            box.getChildren().add(muted("No human windows in this time window: no baseline to compare with."));
            return box;
        }
        if (d.whyItFired().isEmpty()) {
            box.getChildren().add(muted("Every behaviour signal is at the human average of the window."));
            return box;
        }
        box.getChildren().addAll(features(d.whyItFired()), muted("Distance = |value − human average| ÷ the feature's spread "
                + "(its standard deviation over the " + Fx.count(d.baselines().humanWindows()) + " human and "
                + Fx.count(d.baselines().datacenterWindows()) + " datacenter/hosting windows of the time window); ∞: the "
                + "feature never varies there. Behaviour from " + d.behaviourSource() + "."));
        return box;
    }

    private static TitledPane section(RowDetail d, RowDetail.Section s) {
        VBox content = new VBox(8);
        List<SignalValue> plain = s.values().stream().filter(v -> !v.signal().isFeature() && !v.signal().column().equals("ja4")).toList();
        List<SignalValue> features = s.values().stream().filter(v -> v.signal().isFeature()).toList();
        if (s.group() == SignalGroup.TLS) content.getChildren().add(ja4(d.ja4()));
        if (s.group() == SignalGroup.TCP) content.getChildren().add(tcp(d.tcp()));
        if (!plain.isEmpty()) content.getChildren().add(pairs(plain));
        if (!features.isEmpty()) content.getChildren().add(features(features));
        TitledPane pane = new TitledPane(s.group().title(), content);
        pane.setId("detail-" + s.group().name().toLowerCase(Locale.ROOT));
        pane.getStyleClass().add("detail-section");
        return pane;
    }

    /** Columns that are not compared with a baseline: the label and value, the meaning on the line below. */
    private static VBox pairs(List<SignalValue> values) {
        VBox box = new VBox(5);
        for (SignalValue v : values) {
            Label value = new Label(value(v));
            value.getStyleClass().add("fact-value");
            value.setWrapText(true);
            if (v.signal().column().equals("threat_level") && !value.getText().equals("—")) {
                value.getStyleClass().setAll("label", "threat-badge", "threat-" + v.value().toString().toLowerCase(Locale.ROOT));
            }
            Label name = label(v);
            name.setMinWidth(LABEL_WIDTH);
            name.setPrefWidth(LABEL_WIDTH);
            HBox line = new HBox(10, name, value);
            box.getChildren().add(new VBox(0, line, meaning(v)));
        }
        return box;
    }

    /** Behaviour features: label, value, human and datacenter/hosting averages, distance; the meaning below. */
    private static VBox features(List<SignalValue> values) {
        VBox box = new VBox(5, featureLine(head("Signal"), head("Value"), head("Human"), head("DC/hosting"), head("Distance")));
        for (SignalValue v : values) {
            Label value = new Label(value(v));
            value.getStyleClass().add("fact-value");
            Label dist = new Label(distance(v.distance()));
            dist.getStyleClass().add("detail-distance");
            if (v.distance() >= FAR) dist.getStyleClass().add("detail-far");
            box.getChildren().add(new VBox(0, featureLine(label(v), value, number(v.human()), number(v.datacenter()), dist), meaning(v)));
        }
        return box;
    }

    /** The signal's label taking the free width, then four right-aligned figures. */
    private static HBox featureLine(Label name, Label... figures) {
        HBox line = new HBox(8, name);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        for (Label f : figures) {
            f.setMinWidth(FIGURE_WIDTH);
            f.setPrefWidth(FIGURE_WIDTH);
            f.setAlignment(Pos.CENTER_RIGHT);
            line.getChildren().add(f);
        }
        return line;
    }

    private static Label head(String text) {
        Label h = new Label(text);
        h.getStyleClass().add("detail-head");
        return h;
    }

    private static Label label(SignalValue v) {
        Label name = new Label(v.signal().label());
        name.getStyleClass().add("detail-label");
        name.setTooltip(new Tooltip(v.signal().column()));
        return name;
    }

    private static Label meaning(SignalValue v) {
        Label m = new Label(v.signal().meaning());
        m.getStyleClass().add("detail-meaning");
        m.setWrapText(true);
        m.setMinHeight(Region.USE_PREF_SIZE);
        return m;
    }

    private static ColumnConstraints grow(ColumnConstraints c) {
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static Label number(Double x) {
        Label l = new Label(x == null ? "" : decimal(x));
        l.getStyleClass().add("detail-baseline");
        return l;
    }

    private static VBox ja4(Ja4 j) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(3);
        g.getColumnConstraints().addAll(new ColumnConstraints(130, 150, 200), grow(new ColumnConstraints(100, 300, Double.MAX_VALUE)));
        pair(g, 0, "JA4", DisplayText.cell(j.raw()));
        int r = 1;
        if (!j.valid()) {
            pair(g, r, "Decoded", "malformed: " + j.problem());
        } else {
            pair(g, r++, "Protocol", j.protocolLabel());
            pair(g, r++, "TLS version", Ja4.versionLabel(j.tlsVersion()).orElse("?"));
            pair(g, r++, "SNI", j.sniDomain() ? "a domain name" : "none or an IP address");
            pair(g, r++, "Cipher suites", String.valueOf(j.cipherCount()));
            pair(g, r++, "Extensions", String.valueOf(j.extensionCount()));
            pair(g, r++, "ALPN", "00".equals(j.alpn()) ? "none" : j.alpn());
            pair(g, r++, "Cipher hash", j.cipherHash());
            pair(g, r, "Extension hash", j.extensionHash());
        }
        return new VBox(4, g);
    }

    private static VBox tcp(TcpDetail t) {
        VBox box = new VBox(3);
        if (t.dominant() == null) {
            box.getChildren().add(muted("No TCP SYN of this client in the window (agg_host_ip_ja4_1h)."));
            return box;
        }
        OsFinding f = t.finding();
        TcpVerdict v = f == null ? null : f.verdict();
        if (v == null) {
            box.getChildren().add(muted("The SYN values are out of range: " + t.dominant().shape()));
            return box;
        }
        Label os = new Label(v.os());
        os.getStyleClass().add("verdict-os");
        if (v.scanner()) os.getStyleClass().add("verdict-scanner");
        box.getChildren().addAll(os, muted(String.format(Locale.ROOT, "confidence %d%%  ·  initial TTL %d, %d hops  ·  %s",
                Math.round(v.confidence() * 100), v.initialTtl(), v.hops(), v.path())),
                wrapped(t.dominant().shape() + "  (" + Fx.count(t.dominant().hits()) + " hits; " + t.shapes()
                        + (t.shapes() == 1 ? " SYN shape" : " SYN shapes") + " in the window)"));
        for (String reason : v.reasons()) {
            Label l = wrapped("• " + reason);
            l.getStyleClass().add("verdict-reason");
            box.getChildren().add(l);
        }
        box.getChildren().add(wrapped("User agent claims: " + (f.claim().confident() ? f.claim().os().displayName()
                + " (\"" + DisplayText.cell(f.claim().evidence()) + "\")" : "no operating system")));
        f.mismatch().ifPresent(m -> {
            Label l = wrapped("UA/stack mismatch: " + m.explanation());
            l.getStyleClass().add("detail-far");
            box.getChildren().add(l);
        });
        return box;
    }

    private static void pair(GridPane g, int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("detail-label");
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        v.setWrapText(true);
        g.add(n, 0, row);
        g.add(v, 1, row);
    }

    /** A value as shown: times in UTC, counts grouped, measures with 3 decimals, 0/1 flags as no/yes, text made safe. */
    static String value(SignalValue v) {
        Object o = v.value();
        if (o == null) return "—";
        if (o instanceof Instant t) return Fx.time(t) + " UTC";
        if (o instanceof Long n) return Fx.count(n);
        if (o instanceof Double x) {
            boolean flag = v.signal().column().startsWith("is_") || v.signal().column().equals("alpn_http_mismatch");
            if (flag && (x == 0 || x == 1)) return x == 1 ? "yes" : "no";
            return decimal(x);
        }
        String s = o.toString();
        return s.isEmpty() ? "—" : DisplayText.cell(s);
    }

    static String decimal(double x) {
        return Math.abs(x) >= 100 ? Fx.decimal(x, 1) : Fx.decimal(x, 3);
    }

    static String distance(double d) {
        if (Double.isNaN(d)) return "";
        if (Double.isInfinite(d)) return "∞";
        return String.format(Locale.US, "%.1fσ", d);
    }

    private static Label muted(String text) {
        Label l = wrapped(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
