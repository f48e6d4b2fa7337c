package com.ja4.workstation.ui.detail;

import com.ja4.workstation.domain.DisplayText;
import com.ja4.workstation.domain.table.FullRow;
import com.ja4.workstation.service.detail.RowDetail;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The detail pane of a selected detection or scored window, bound to its {@link DetailModel}:
 * the row's title and a close button above every column of the row, grouped
 * ({@link DetailSections}). One pane serves Detections, Scores and the IP drill-down.
 */
public final class DetailPane extends BorderPane {

    /** The pane's usual width beside a table. */
    public static final double WIDTH = 560;

    private final Label title = new Label("Detail");
    private final Label subtitle = new Label();
    private final VBox body = new VBox(8);

    public DetailPane(DetailModel<?> model) {
        getStyleClass().addAll("panel", "detail-pane");
        setId("detailPane");
        title.getStyleClass().add("panel-title");
        title.setId("detailTitle");
        subtitle.getStyleClass().add("muted");
        subtitle.setWrapText(true);
        Button close = new Button("✕");
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip("Close the detail pane (Details brings it back)"));
        close.setOnAction(e -> model.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, close);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(2, head, subtitle);
        top.setPadding(new Insets(0, 0, 6, 0));
        setTop(top);
        LoadPane load = new LoadPane(body);
        load.show(model.detail(), this::show);
        ScrollPane scroll = new ScrollPane(load);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("view-scroll");
        setCenter(scroll);
        setMinWidth(380);
        setPrefWidth(WIDTH);
    }

    private void show(Optional<RowDetail> detail) {
        if (detail == null || detail.isEmpty()) {
            body.getChildren().clear();
            return;
        }
        RowDetail d = detail.get();
        FullRow r = d.row();
        title.setText(d.kind().title() + "  ·  " + DisplayText.cell(r.text("src_ip")));
        subtitle.setText(String.join("  ·  ", r.text("threat_level"), "score " + Fx.decimal(r.number("anomaly_score"), 3),
                DisplayText.cell(r.text("model_name")), Fx.time(r.time("detected_at")) + " UTC",
                DisplayText.cell(r.text("host"))));
        body.getChildren().setAll(DetailSections.of(d));
    }
}
