package com.ja4.workstation.ui.feedback;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.feedback.Classification;
import com.ja4.workstation.domain.feedback.FeedbackEntry;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.shell.ViewController;
import com.ja4.workstation.ui.table.Tables;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

/** Feedback (DESIGN 3.13): recent analyst classifications, written and pending in the outbox; each row opens its IP. */
public final class FeedbackController extends ViewController {

    public static final int LIMIT = 500;
    private static final String ANY = "Any verdict";

    @FXML private BorderPane root;
    @FXML private Label summaryLabel;
    @FXML private ComboBox<String> classBox;
    @FXML private TextField ipField;

    private final TableView<FeedbackEntry> table = Tables.table("");
    private final LoadPane pane = new LoadPane(table);

    @FXML
    private void initialize() {
        classBox.getItems().add(ANY);
        classBox.getItems().addAll(Classification.names());
        classBox.setValue(ANY);
        classBox.setOnAction(e -> reload());
        Tables.text(table, "When (UTC)", FeedbackEntry::createdAt, 150);
        Tables.text(table, "IP", FeedbackEntry::ip, 170);
        Tables.text(table, "Verdict", FeedbackEntry::classification, 90);
        Tables.text(table, "Analyst", FeedbackEntry::analyst, 110);
        Tables.text(table, "State", e -> e.pending() ? "pending (outbox)" : "written", 120);
        Tables.text(table, "Made on", e -> "snapshot".equals(e.source()) ? "snapshot review" : e.source(), 110);
        Tables.text(table, "Comment", FeedbackEntry::comment, 560);
        table.setRowFactory(tv -> {
            TableRow<FeedbackEntry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) open(row.getItem());
            });
            row.itemProperty().addListener((o, a, b) -> {
                row.getStyleClass().remove("pending-row");
                if (b != null && b.pending()) row.getStyleClass().add("pending-row");
            });
            return row;
        });
        MenuItem openIp = new MenuItem("Open IP");
        openIp.setOnAction(e -> open(table.getSelectionModel().getSelectedItem()));
        MenuItem copy = new MenuItem("Copy IP");
        copy.setOnAction(e -> {
            FeedbackEntry f = table.getSelectionModel().getSelectedItem();
            if (f != null) Fx.copy(f.ip());
        });
        table.setContextMenu(new ContextMenu(openIp, copy));
        root.setCenter(pane);
    }


    @Override
    protected void load(QueryScope scope) {
        Workspace ws = workspace();
        String cls = ANY.equals(classBox.getValue()) || classBox.getValue() == null ? "" : classBox.getValue();
        String ip = ipField.getText();
        CompletableFuture<List<FeedbackEntry>> f = scope.submit(ctx -> ws.feedback().recent(cls, ip, LIMIT, ctx));
        track(pane.bind(f, rows -> {
            table.getItems().setAll(rows);
            long pending = rows.stream().filter(FeedbackEntry::pending).count();
            summaryLabel.setText(Fx.count(rows.size()) + (rows.size() >= LIMIT ? " most recent" : "") + " classifications, "
                    + Fx.count(pending) + " pending in the outbox" + (ws.feedback().writesToOutbox()
                    ? "  ·  this source is a snapshot: new classifications wait in the outbox" : ""));
        }, List::isEmpty, this::reload));
    }

    public TableView<FeedbackEntry> table() {
        return table;
    }

    public LoadPane loadPane() {
        return pane;
    }

    @FXML
    private void reload() {
        if (workspace() != null && window() != null) load(scope());
    }

    @FXML
    private void clearFilters() {
        classBox.setValue(ANY);
        ipField.clear();
        reload();
    }

    private void open(FeedbackEntry e) {
        if (e != null) ClientIp.parse(e.ip()).ifPresent(model()::openIp);
    }
}
