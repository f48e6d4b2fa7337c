package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.Feature;
import com.ja4.workstation.analysis.cluster.RiskGroup;
import com.ja4.workstation.ui.common.Fx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The card grid of a run, grouped by risk (Bots, Suspects, Legitimate): one card per cluster, click to select. */
final class ClusterCards extends VBox {

    /** TCP-stack features: shown as the stack verdict, not as a card's top features (always high). */
    private static final List<Feature> STACK = List.of(Feature.INITIAL_TTL, Feature.MSS, Feature.WINDOW_SCALE, Feature.TCP_WINDOW);

    private final Map<String, VBox> cards = new HashMap<>();
    private final Map<RiskGroup, FlowPane> sections = new EnumMap<>(RiskGroup.class);
    private final Consumer<String> onSelect;

    ClusterCards(Consumer<String> onSelect) {
        super(14);
        this.onSelect = onSelect;
        setPadding(new Insets(12));
        getStyleClass().add("view");
        for (RiskGroup g : RiskGroup.values()) {
            Label title = new Label(g.label());
            title.getStyleClass().add("cluster-section-title");
            title.setId("section-" + g.name().toLowerCase(Locale.ROOT));
            FlowPane flow = new FlowPane(10, 10);
            flow.getStyleClass().add("cluster-section");
            flow.setUserData(title);
            sections.put(g, flow);
            getChildren().addAll(title, flow);
        }
    }

    /** One card per cluster of the run, riskiest first in each group. */
    void show(ClusteringRun run) {
        cards.clear();
        for (RiskGroup g : RiskGroup.values()) {
            FlowPane flow = sections.get(g);
            List<ClusterProfile> in = run.clustersIn(g).stream()
                    .sorted(Comparator.comparingDouble(ClusterProfile::risk).reversed()).toList();
            int ips = in.stream().mapToInt(ClusterProfile::ipCount).sum();
            ((Label) flow.getUserData()).setText(g.label() + "  —  " + in.size() + (in.size() == 1 ? " cluster · " : " clusters · ")
                    + Fx.count(ips) + " IPs");
            List<Node> nodes = new ArrayList<>();
            for (ClusterProfile c : in) {
                VBox card = card(c);
                cards.put(c.id(), card);
                nodes.add(card);
            }
            if (nodes.isEmpty()) {
                Label none = new Label("No cluster in this group");
                none.getStyleClass().add("muted");
                nodes.add(none);
            }
            flow.getChildren().setAll(nodes);
        }
    }

    /** Marks the selected cluster's card. */
    void select(String clusterId) {
        cards.forEach((id, card) -> {
            card.getStyleClass().remove("selected");
            if (id.equals(clusterId)) card.getStyleClass().add("selected");
        });
    }

    private VBox card(ClusterProfile c) {
        Label title = new Label(c.label());
        title.getStyleClass().add("cluster-card-title");
        title.setWrapText(true);
        title.setMaxWidth(200);
        Label badge = riskBadge(c);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(6, title, spacer, badge);
        head.setAlignment(Pos.TOP_LEFT);

        Label counts = new Label(Fx.count(c.ipCount()) + " IPs · " + Fx.count(c.hitCount()) + " hits · "
                + Fx.count(c.pairCount()) + " pairs");
        counts.getStyleClass().add("metric-value");
        Label stack = new Label(c.stack().family() + (c.dominantThreat() == null ? "" : " · dominant threat " + c.dominantThreat()));
        stack.getStyleClass().add("muted");

        GridPane bars = new GridPane();
        bars.setHgap(6);
        bars.setVgap(2);
        int row = 0;
        for (Feature f : topFeatures(c, 4)) {
            Label name = new Label(f.label());
            name.getStyleClass().add("mini-bar-label");
            name.setMinWidth(118);
            name.setMaxWidth(118);
            double v = c.centroid().get(f.ordinal());
            Label value = new Label(Fx.decimal(v, 2));
            value.getStyleClass().add("mini-bar-label");
            bars.addRow(row++, name, bar(v, 96, 7, c.colour()), value);
        }
        Label where = new Label(place(c));
        where.getStyleClass().add("muted");
        where.setMaxWidth(256);

        VBox card = new VBox(5, head, bar(c.risk(), 256, 6, c.colour()), counts, stack, bars, where);
        card.getStyleClass().add("cluster-card");
        card.setStyle("-fx-border-color: #e2e8f0 #e2e8f0 #e2e8f0 " + c.colour() + ";");
        card.setPrefWidth(282);
        card.setMaxWidth(282);
        card.setUserData(c.id());
        card.setOnMouseClicked(e -> onSelect.accept(c.id()));
        Tooltip.install(card, new Tooltip(c.stack().label()));
        return card;
    }

    /** The highest behavioural features of the centroid (the TCP stack is named by its verdict). */
    static List<Feature> topFeatures(ClusterProfile c, int n) {
        return Feature.all().stream().filter(f -> !STACK.contains(f))
                .sorted(Comparator.comparingDouble((Feature f) -> c.centroid().get(f.ordinal())).reversed()
                        .thenComparing(Feature::ordinal))
                .limit(n).toList();
    }

    private static String place(ClusterProfile c) {
        String countries = c.topCountries().stream().filter(s -> !s.isBlank()).limit(4).reduce((a, b) -> a + ", " + b).orElse("—");
        String asns = c.topAsnOrgs().stream().filter(s -> !s.isBlank()).limit(2).reduce((a, b) -> a + ", " + b).orElse("—");
        return "Countries " + countries + "\nASN " + asns;
    }

    private static Label riskBadge(ClusterProfile c) {
        Label badge = new Label("risk " + ClusterGraphCanvas.riskText(c.risk()));
        badge.getStyleClass().add("risk-badge");
        badge.setStyle("-fx-background-color: " + c.colour() + ";");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    private static StackPane bar(double value, double width, double height, String colour) {
        Region track = new Region();
        track.getStyleClass().add("bar-track");
        track.setPrefSize(width, height);
        track.setMaxSize(width, height);
        Region fill = new Region();
        fill.setStyle("-fx-background-color: " + colour + "; -fx-background-radius: 3;");
        double w = Math.max(0, Math.min(1, value)) * width;
        fill.setPrefSize(w, height);
        fill.setMaxSize(w, height);
        StackPane p = new StackPane(track, fill);
        StackPane.setAlignment(fill, Pos.CENTER_LEFT);
        p.setAlignment(Pos.CENTER_LEFT);
        p.setMaxSize(width, height);
        p.setMinSize(width, height);
        return p;
    }
}
