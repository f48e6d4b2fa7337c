package com.ja4.workstation.ui.table;

import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.shell.ViewController;
import com.ja4.workstation.ui.shell.ViewRequest;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * The one controller of the analyst tables (Detections, Scores, Traffic): it builds the filter
 * bar of the view's {@link TableDefinition}, binds each control to the {@link FilteredTableModel}
 * and shows the {@link PagedTablePane}. Choosing in a threat or choice box applies at once; typed
 * filters apply with Apply or Enter.
 */
public final class FilteredTableController extends ViewController {

    /** The "no filter" entry of a threat box. */
    public static final String ANY_THREAT = "Any threat";
    /** The "no filter" entry of a choice box. */
    public static final String ANY = "Any";

    @FXML private BorderPane root;
    @FXML private HBox header;
    @FXML private Label titleLabel;
    @FXML private Label windowLabel;
    @FXML private FlowPane filterBar;

    private FilteredTableModel<?> tableModel;
    /** Set while the model fills the bar, so that filling a choice box does not apply it. */
    private boolean filling;

    @Override
    protected void onInit() {
        build(TableDefinitions.of(id()));
    }

    private <R> void build(TableDefinition<R> def) {
        FilteredTableModel<R> m = new FilteredTableModel<>(def, this::workspace, this::window, this::task, model().tasks());
        tableModel = m;
        titleLabel.setText(def.title());
        if (def.subtitle() != null) {
            Label sub = new Label(def.subtitle());
            sub.getStyleClass().add("muted");
            header.getChildren().add(sub);
        }
        for (FilterDef f : def.filters()) filterBar.getChildren().addAll(control(f));
        Button apply = new Button("Apply");
        apply.setDefaultButton(true);
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> m.apply());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> m.clear());
        filterBar.getChildren().addAll(apply, clear);
        root.setCenter(new PagedTablePane<>(m, model()::openIp, model()::lookUpJa4));
    }

    /** The control of one filter (and its label, for a choice box), bound to the model's draft. */
    private Node[] control(FilterDef f) {
        StringProperty draft = tableModel.draft(f.key());
        switch (f.control()) {
            case TEXT -> {
                TextField t = new TextField();
                t.setId(f.id());
                t.setPromptText(f.prompt());
                t.setPrefWidth(f.width());
                t.textProperty().bindBidirectional(draft);
                return new Node[] {t};
            }
            case FACET -> {
                ComboBox<String> box = combo(f);
                box.setPromptText(f.prompt());
                box.setEditable(true);
                box.getEditor().textProperty().bindBidirectional(draft);
                ObservableList<String> values = tableModel.choices(f.key());
                values.addListener((ListChangeListener<String>) c -> {
                    String current = box.getValue();
                    box.getItems().setAll(values);
                    box.setValue(current);
                });
                return new Node[] {box};
            }
            case THREAT -> {
                ComboBox<String> box = combo(f);
                box.setPromptText(f.prompt());
                box.getItems().add(ANY_THREAT);
                ThreatLevel.bySeverity().forEach(l -> box.getItems().add(l.name()));
                choose(box, draft, ANY_THREAT);
                return new Node[] {box};
            }
            case CHOICE -> {
                Label label = new Label(f.prompt());
                label.getStyleClass().add("muted");
                ComboBox<String> box = combo(f);
                box.getItems().setAll(ANY);
                ObservableList<String> values = tableModel.choices(f.key());
                values.addListener((ListChangeListener<String>) c -> {
                    filling = true;
                    String current = box.getValue();
                    box.getItems().setAll(ANY);
                    box.getItems().addAll(values);
                    box.setValue(current == null ? ANY : current);
                    filling = false;
                });
                choose(box, draft, ANY);
                return new Node[] {label, box};
            }
            default -> throw new IllegalStateException(f.control().name());
        }
    }

    private static ComboBox<String> combo(FilterDef f) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(f.id());
        box.setPrefWidth(f.width());
        return box;
    }

    /** A box whose {@code any} entry means "" in the model; choosing applies the filter at once. */
    private void choose(ComboBox<String> box, StringProperty draft, String any) {
        box.setValue(any);
        box.valueProperty().addListener((o, a, v) -> {
            if (!filling) draft.set(v == null || any.equals(v) ? "" : v);
        });
        draft.addListener((o, a, v) -> {
            filling = true;
            box.setValue(v == null || v.isEmpty() ? any : v);
            filling = false;
        });
        box.setOnAction(e -> {
            if (!filling) tableModel.apply();
        });
    }

    @Override
    protected void load(QueryScope scope) {
        windowLabel.setText(Fx.window(window()));
        track(tableModel.load());
        track(tableModel.loadFacets());
    }

    /** Another view asks for rows filtered on this: set without querying, the view reloads with it. */
    @Override
    protected boolean prepare(ViewRequest request) {
        if (!(request instanceof ViewRequest.Filter f)) return false;
        tableModel.presetFilter(f.filter());
        return true;
    }

    /** The view's state and commands. */
    @SuppressWarnings("unchecked")
    public <R> FilteredTableModel<R> table() {
        return (FilteredTableModel<R>) tableModel;
    }
}
