package com.ja4.workstation.ui.ip;

import com.ja4.workstation.domain.feedback.Classification;
import com.ja4.workstation.ui.common.LoadPane;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The drill-down's classification form (verdict, analyst, comment, Save) and the IP's history, bound to its {@link IpTabModel}. */
final class ClassificationForm extends VBox {

    ClassificationForm(IpTabModel model) {
        super(6);
        ToggleGroup group = new ToggleGroup();
        HBox choices = new HBox(6);
        for (Classification c : Classification.values()) {
            ToggleButton b = new ToggleButton(c.value());
            b.setUserData(c.value());
            b.setToggleGroup(group);
            b.getStyleClass().addAll("class-choice", "class-" + c.value());
            choices.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, t) -> model.classificationProperty().set(t == null ? "" : (String) t.getUserData()));
        model.classificationProperty().addListener((o, a, v) -> group.getToggles().stream()
                .filter(t -> t.getUserData().equals(v)).findFirst().ifPresentOrElse(group::selectToggle, () -> group.selectToggle(null)));
        TextField analyst = new TextField();
        analyst.textProperty().bindBidirectional(model.analystProperty());
        analyst.setPrefColumnCount(12);
        Label analystLabel = new Label("Analyst");
        analystLabel.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        choices.getChildren().addAll(spacer, analystLabel, analyst);
        choices.setAlignment(Pos.CENTER_LEFT);

        TextArea comment = new TextArea();
        comment.setPromptText("Why? (what you saw: TCP stack, paths, cadence…)");
        comment.setWrapText(true);
        comment.setPrefRowCount(3);
        comment.textProperty().bindBidirectional(model.commentProperty());
        Label counter = new Label();
        counter.textProperty().bind(model.counterProperty());
        counter.getStyleClass().add(model.counterOverProperty().get() ? "counter-over" : "counter");
        model.counterOverProperty().addListener((o, a, over) -> {
            counter.getStyleClass().removeAll("counter", "counter-over");
            counter.getStyleClass().add(over ? "counter-over" : "counter");
        });
        Button save = new Button("Save classification");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> model.save());
        save.disableProperty().bind(model.savingProperty());
        Label status = new Label();
        status.textProperty().bind(model.formStatusProperty());
        status.setWrapText(true);
        status.getStyleClass().add("form-status");
        model.formErrorProperty().addListener((o, a, error) -> {
            status.getStyleClass().remove("form-error");
            if (error) status.getStyleClass().add("form-error");
        });
        HBox actions = new HBox(10, save, counter, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);

        TableView<com.ja4.workstation.domain.feedback.FeedbackEntry> history = IpActivityTables.history();
        history.setItems(model.historyRows());
        LoadPane historyPane = new LoadPane(history);
        historyPane.show(model.history(), rows -> { });
        Label histTitle = new Label("History of this IP");
        histTitle.getStyleClass().add("muted");
        getChildren().addAll(choices, comment, actions, histTitle, historyPane);
    }
}
