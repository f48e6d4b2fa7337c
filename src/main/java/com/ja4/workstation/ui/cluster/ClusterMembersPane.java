package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.service.cluster.MemberOrder;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.table.Tables;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected cluster's members in the sidebar: a page of (IP, JA4) pairs, a header click sorts all
 * of the cluster's pairs on the service ({@link ClusterMembersModel#sortBy}; the same column again
 * turns the direction), the pager, and the CSV export in the table's order.
 */
final class ClusterMembersPane extends VBox {

    private final ClusterMembersModel model;
    private final TableView<ClusterMemberRow> table = new TableView<>();
    private final Label title = new Label();
    /** True while the header is set to the model's order (those sort calls are not the analyst's). */
    private boolean syncing;

    /**
     * @param openIp opens an IP of the table (its drill-down)
     * @param export asks where to write the selected cluster's members
     */
    ClusterMembersPane(ClusterMembersModel model, Consumer<String> openIp, Runnable export) {
        super(6);
        this.model = model;
        buildTable(openIp);
        LoadPane tablePane = new LoadPane(table);
        tablePane.show(model.page(), p -> table.scrollTo(0));

        Button previous = new Button("◀");
        Button next = new Button("▶");
        previous.setOnAction(e -> model.previous());
        next.setOnAction(e -> model.next());
        previous.disableProperty().bind(model.canPreviousProperty().not());
        next.disableProperty().bind(model.canNextProperty().not());
        previous.getStyleClass().add("small");
        next.getStyleClass().add("small");
        Label pager = new Label();
        pager.textProperty().bind(model.pagerTextProperty());
        pager.getStyleClass().add("muted");
        Button exportButton = new Button("Export members to CSV…");
        exportButton.setTooltip(new Tooltip("Every pair of the cluster, in the table's order"));
        exportButton.setOnAction(e -> export.run());
        exportButton.disableProperty().bind(model.exportingProperty());
        Label exportStatus = new Label();
        exportStatus.textProperty().bind(model.exportStatusProperty());
        exportStatus.getStyleClass().add("muted");
        exportStatus.setWrapText(true);

        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setId("membersTitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox pagerRow = new HBox(6, previous, pager, next, spacer, exportButton);
        pagerRow.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(tablePane, Priority.ALWAYS);
        getChildren().setAll(title, pagerRow, tablePane, exportStatus);
        setPadding(new Insets(8, 12, 12, 12));

        model.orderProperty().addListener((o, a, order) -> showOrder(order));
        showOrder(model.order());
        // only now: setting the items or the header above asks the policy to sort, and no analyst clicked
        table.setSortPolicy(t -> {
            // after the header click's sort returns: replacing the rows inside it trips JavaFX's
            // selected-cells bookkeeping (IndexOutOfBoundsException) when a row was selected
            if (!syncing) javafx.application.Platform.runLater(this::requestSortFromHeader);
            return true;
        });
    }

    private void buildTable(Consumer<String> openIp) {
        List<TableColumn<ClusterMemberRow, ?>> columns = List.of(
                sortable(Tables.link("IP", ClusterMemberRow::ip, openIp, 130), MemberOrder.Column.IP),
                sortable(Tables.count("Hits", r -> r.hits(), 64), MemberOrder.Column.HITS),
                sortable(Tables.threat("Threat", ClusterMemberRow::threat, 90), MemberOrder.Column.THREAT),
                sortable(Tables.decimal("Score", r -> r.anomalyScore(), 2, 58), MemberOrder.Column.ANOMALY_SCORE),
                sortable(Tables.decimal("Distance", r -> r.distance(), 3, 86), MemberOrder.Column.DISTANCE),
                sortable(Tables.column("Fitted", r -> r.fitted() ? "yes" : "no", 58), MemberOrder.Column.FITTED),
                sortable(Tables.text("JA4", ClusterMemberRow::ja4, 140), MemberOrder.Column.JA4),
                sortable(Tables.column("Country", ClusterMemberRow::country, 62), MemberOrder.Column.COUNTRY),
                sortable(Tables.text("ASN", ClusterMemberRow::asnOrg, 140), MemberOrder.Column.ASN_ORG),
                sortable(Tables.count("TTL", r -> (long) r.ttl(), 48), MemberOrder.Column.TTL),
                sortable(Tables.count("Win", r -> r.window(), 64), MemberOrder.Column.WINDOW),
                sortable(Tables.count("Scale", r -> (long) r.scale(), 52), MemberOrder.Column.SCALE),
                sortable(Tables.count("MSS", r -> (long) r.mss(), 56), MemberOrder.Column.MSS),
                sortable(Tables.text("User-Agent", ClusterMemberRow::userAgent, 220), MemberOrder.Column.USER_AGENT));
        table.getColumns().setAll(columns);
        tooltip(MemberOrder.Column.DISTANCE, "Distance to the cluster's centroid (normalised space): large = atypical member");
        tooltip(MemberOrder.Column.FITTED, "yes: the centroids were fitted on this pair; no: assigned to its nearest centroid afterwards");
        table.setFixedCellSize(26);
        table.setPrefHeight(26 * 10 + 32);
        table.setMinHeight(26 * 5 + 32);
        table.setPlaceholder(new Label("No member rows in this window"));
        table.setId("membersTable");
        table.setItems(model.rows());
    }

    private static <T> TableColumn<ClusterMemberRow, T> sortable(TableColumn<ClusterMemberRow, T> c, MemberOrder.Column id) {
        c.setUserData(id);
        c.setSortable(true);
        return c;
    }

    private void tooltip(MemberOrder.Column id, String text) {
        TableColumn<ClusterMemberRow, ?> c = column(id);
        Label header = new Label(c.getText());
        header.setTooltip(new Tooltip(text));
        c.setGraphic(header);
        c.setText("");
    }

    /** A header click sorts on the service; a click that would leave no order turns the direction instead. */
    private void requestSortFromHeader() {
        if (syncing) return;
        if (table.getSortOrder().isEmpty()) {
            MemberOrder current = model.order();
            model.sortBy(new MemberOrder(current.column(), !current.descending()));
            return;
        }
        TableColumn<ClusterMemberRow, ?> c = table.getSortOrder().get(0);
        if (c.getUserData() instanceof MemberOrder.Column id) {
            model.sortBy(new MemberOrder(id, c.getSortType() == TableColumn.SortType.DESCENDING));
        }
    }

    /** The header arrow and the title follow the model's order (also when a test or the default sets it). */
    private void showOrder(MemberOrder order) {
        TableColumn<ClusterMemberRow, ?> c = column(order.column());
        TableColumn.SortType type = order.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING;
        syncing = true;
        try {
            if (c.getSortType() != type) c.setSortType(type);
            if (table.getSortOrder().size() != 1 || table.getSortOrder().get(0) != c) table.getSortOrder().setAll(List.of(c));
        } finally {
            syncing = false;
        }
        for (TableColumn<ClusterMemberRow, ?> col : table.getColumns()) {
            col.getStyleClass().remove("sorted-column");
            if (col == c) col.getStyleClass().add("sorted-column");
        }
        title.setText("Members — (IP, JA4) pairs, " + describe(order) + "; click a header to sort, an IP to open it");
    }

    /** "busiest first", "by Distance, largest first". */
    String describe(MemberOrder order) {
        if (order.equals(MemberOrder.BUSIEST_FIRST)) return "busiest first";
        TableColumn<ClusterMemberRow, ?> c = column(order.column());
        String name = c.getGraphic() instanceof Label l ? l.getText() : c.getText();
        boolean text = switch (order.column()) {
            case IP, JA4, COUNTRY, ASN_ORG, USER_AGENT -> true;
            default -> false;
        };
        String direction = order.column() == MemberOrder.Column.FITTED ? (order.descending() ? "fitted first" : "assigned first")
                : text ? (order.descending() ? "Z to A" : "A to Z") : (order.descending() ? "largest first" : "smallest first");
        return "by " + name + ", " + direction;
    }

    private TableColumn<ClusterMemberRow, ?> column(MemberOrder.Column id) {
        return table.getColumns().stream().filter(c -> c.getUserData() == id).findFirst().orElseThrow();
    }
}
