package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusterChange;
import com.ja4.workstation.analysis.cluster.MovedIp;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.table.Tables;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The "Changes" tab: what changed since the baseline. The clusters that are new, grown, shrunk or
 * vanished (or changed risk group) with their sizes before and now, and the IPs that moved from a
 * legitimate or suspect cluster into a bot cluster, each opening the IP drill-down.
 */
final class ClusterChangesPane extends StackPane {

    private final Label summary = new Label();
    private final Label clustersTitle = new Label();
    private final Label movedTitle = new Label();

    /**
     * @param select selects a cluster of the run shown (its card, node and sidebar)
     * @param openIp opens an IP's drill-down
     */
    ClusterChangesPane(ClusterComparisonModel model, Consumer<String> select, Consumer<String> openIp) {
        summary.getStyleClass().add("panel-title");
        summary.setWrapText(true);
        summary.setId("changesSummary");
        clustersTitle.getStyleClass().add("panel-title");
        clustersTitle.setWrapText(true);
        clustersTitle.setMinHeight(Region.USE_PREF_SIZE);
        movedTitle.getStyleClass().add("panel-title");
        movedTitle.setWrapText(true);
        movedTitle.setMinHeight(Region.USE_PREF_SIZE);

        TableView<ClusterChange> clusters = clustersTable(model, select);
        TableView<MovedIp> moved = movedTable(model, select, openIp);
        VBox.setVgrow(clusters, Priority.ALWAYS);
        VBox.setVgrow(moved, Priority.ALWAYS);
        VBox content = new VBox(8, summary, clustersTitle, clusters, movedTitle, moved);
        content.setPadding(new Insets(12));
        content.getStyleClass().add("view");
        LoadPane.in(this, content).show(model.changesPane(), c -> summary.setText(c == null ? ""
                : "Compared " + ClusterComparisonModel.summary(c).replaceFirst("^vs ", "with ")));
        model.changes().addListener((ListChangeListener<ClusterChange>) ch -> titles(model));
        model.movedToBots().addListener((ListChangeListener<MovedIp>) ch -> titles(model));
        titles(model);
    }

    private void titles(ClusterComparisonModel model) {
        clustersTitle.setText("Clusters that changed (" + model.changes().size() + "): new, grown, shrunk, vanished, or in"
                + " another risk group; pairs (IP, JA4) before → now; click a cluster to select it");
        movedTitle.setText("IPs that moved from a legitimate or suspect cluster into a bot cluster ("
                + Fx.count(model.movedToBots().size()) + "); click an IP to open its drill-down");
    }

    private static TableView<ClusterChange> clustersTable(ClusterComparisonModel model, Consumer<String> select) {
        TableView<ClusterChange> t = new TableView<>(model.changes());
        TableColumn<ClusterChange, ClusterChange> kind = new TableColumn<>("Change");
        kind.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        kind.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ClusterChange c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    return;
                }
                Label badge = new Label(ChangeText.badge(c));
                badge.getStyleClass().addAll("change-badge", ChangeText.styleClass(c.kind()));
                setGraphic(badge);
            }
        });
        kind.setPrefWidth(100);
        kind.setMinWidth(96);  // "vanished" stays whole when the tab is narrow
        TableColumn<ClusterChange, String> now = Tables.column("Cluster now", c -> c.label() == null ? "" : c.label(), 270);
        now.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String label, boolean empty) {
                super.updateItem(label, empty);
                ClusterChange c = empty ? null : getTableRow().getItem();
                if (c == null || c.clusterId() == null) {
                    setGraphic(null);
                    setText(empty ? null : "—");
                    return;
                }
                Hyperlink link = new Hyperlink(label);
                link.setOnAction(e -> select.accept(c.clusterId()));
                setText(null);
                setGraphic(link);
            }
        });
        t.getColumns().setAll(List.of(kind, now,
                Tables.column("Pairs", ClusterChangesPane::sizes, 138),
                Tables.column("Risk group", ClusterChangesPane::group, 114),
                Tables.text("Matched earlier cluster", c -> c.earlierLabel() == null ? "—" : c.earlierLabel(), 300)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        t.setPlaceholder(new Label("No cluster changed: every cluster matches one of the earlier run at about the same size"));
        t.setFixedCellSize(28);
        t.setMinHeight(28 * 4 + 32);
        t.setId("changesTable");
        return t;
    }

    private static TableView<MovedIp> movedTable(ClusterComparisonModel model, Consumer<String> select, Consumer<String> openIp) {
        TableView<MovedIp> t = new TableView<>(model.movedToBots());
        TableColumn<MovedIp, String> to = Tables.column("Into bot cluster (now)", MovedIp::toLabel, 280);
        to.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String label, boolean empty) {
                super.updateItem(label, empty);
                MovedIp m = empty ? null : getTableRow().getItem();
                if (m == null) {
                    setGraphic(null);
                    return;
                }
                Hyperlink link = new Hyperlink(label);
                link.setOnAction(e -> select.accept(m.toClusterId()));
                setGraphic(link);
            }
        });
        t.getColumns().setAll(List.of(Tables.link("IP", MovedIp::ip, openIp, 150),
                Tables.text("From (earlier run)", m -> m.fromLabel() + " · " + m.fromGroup().label(), 320), to));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        t.setPlaceholder(new Label("No IP moved from a legitimate or suspect cluster into a bot cluster"));
        t.setFixedCellSize(28);
        t.setMinHeight(28 * 4 + 32);
        t.setId("movedTable");
        return t;
    }

    private static String group(ClusterChange c) {
        if (c.group() == null) return c.earlierGroup() == null ? "" : "was " + c.earlierGroup().label();
        if (c.groupChanged()) return c.earlierGroup().label() + " → " + c.group().label();
        return c.group().label();
    }

    /** "203 → 472 (×2.33)"; "— → 277" for a new cluster, "26 → —" for a vanished one. */
    static String sizes(ClusterChange c) {
        String before = c.earlierClusterId() == null ? "—" : Fx.count(c.earlierPairs());
        String now = c.clusterId() == null ? "—" : Fx.count(c.pairs());
        String ratio = c.clusterId() == null || c.earlierClusterId() == null || c.earlierPairs() == 0 ? ""
                : " (×" + Fx.decimal((double) c.pairs() / c.earlierPairs(), 2) + ")";
        return before + " → " + now + ratio;
    }
}
