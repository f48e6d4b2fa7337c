package com.ja4.workstation.ui.snapshot;

import com.ja4.workstation.service.snapshot.SignerKey;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.SafeText;
import com.ja4.workstation.ui.common.Theme;
import java.io.File;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Source > Snapshot keys…: this workstation's public key with its fingerprint (Copy, Save to a
 * file…), the keys it trusts, and Import a colleague's key file (its fingerprint shown, the name
 * confirmed, then Trust). Bound to a {@link SnapshotKeysModel}. Also the "Trust this key…" prompt.
 */
public final class SnapshotKeysDialog {

    private final SnapshotKeysModel model;
    private final VBox root;

    public SnapshotKeysDialog(SnapshotKeysModel model) {
        this.model = model;
        Label ownName = new Label();
        Label ownFingerprint = new Label();
        ownFingerprint.getStyleClass().add("key-fingerprint");
        ownFingerprint.setId("ownFingerprint");
        model.ownProperty().addListener((o, a, k) -> {
            SafeText.show(ownName, k == null ? "" : k.name());
            ownFingerprint.setText(k == null ? "" : k.fingerprint());
        });
        Button copy = new Button("Copy public key");
        copy.setOnAction(e -> Fx.copy(model.ownKeyLine()));
        Button save = new Button("Save to a file…");
        save.setOnAction(e -> chooseSaveFile());
        for (Button b : List.of(copy, save)) b.disableProperty().bind(model.ownProperty().isNull());
        GridPane own = new GridPane();
        own.setHgap(8);
        own.setVgap(4);
        own.addRow(0, muted("Name"), ownName);
        own.addRow(1, muted("Fingerprint"), ownFingerprint);

        TableView<SignerKey> table = new TableView<>();
        table.setPlaceholder(new Label("No trusted keys yet: import a colleague's key file"));
        table.getColumns().setAll(List.of(column("Name", SignerKey::name, 200), column("Fingerprint", SignerKey::fingerprint, 330)));
        table.setItems(model.trusted());
        table.setPrefHeight(180);
        table.setId("trustedKeys");

        Button importButton = new Button("Import a key file…");
        importButton.setOnAction(e -> chooseImportFile());
        Label importFingerprint = new Label();
        TextField importName = new TextField();
        importName.setId("importName");
        importName.textProperty().bindBidirectional(model.importNameProperty());
        importName.setPrefColumnCount(20);
        Button trust = new Button("Trust");
        trust.getStyleClass().add("accent");
        trust.setOnAction(e -> model.trustImported());
        Button drop = new Button("Cancel");
        drop.setOnAction(e -> model.cancelImport());
        HBox pending = new HBox(8, importFingerprint, muted("Trust as"), importName, trust, drop);
        pending.setAlignment(Pos.CENTER_LEFT);
        pending.visibleProperty().bind(model.importedProperty().isNotNull());
        pending.managedProperty().bind(pending.visibleProperty());
        model.importedProperty().addListener((o, a, k) -> importFingerprint.setText(k == null ? "" : "Key " + k.fingerprint()));

        Label status = new Label();
        status.setWrapText(true);
        status.setMaxWidth(620);
        status.setId("keysStatus");
        model.statusProperty().addListener((o, a, s) -> status.setText(SafeText.tip(s)));
        model.errorProperty().addListener((o, a, bad) -> {
            status.getStyleClass().remove("form-error");
            if (bad) status.getStyleClass().add("form-error");
        });

        root = new VBox(10, title("This workstation's public key"), muted("Give it to colleagues so they can trust the snapshots"
                + " you export; they should check its fingerprint with you."), own, new HBox(8, copy, save),
                title("Trusted keys"), table, importButton, pending, status);
        root.setPadding(new Insets(14));
        root.setPrefWidth(640);
    }

    public Parent content() {
        return root;
    }

    /** Shows the dialog and loads the keys. */
    public Stage show(Window owner) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Snapshot keys");
        Scene scene = new Scene(root);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        model.load();
        return stage;
    }

    /**
     * "Trust this key…": asks the name to trust the snapshot's signing key under, prefilled with
     * the name the signer wrote, after showing the fingerprint to compare with its owner.
     */
    public static Optional<String> askTrustName(Window owner, String suggestedName, String fingerprint) {
        TextInputDialog d = new TextInputDialog(suggestedName);
        if (owner != null) d.initOwner(owner);
        d.setTitle("Trust this key");
        d.setHeaderText("Trust the key that signed this snapshot?\nFingerprint: " + fingerprint
                + "\nCompare it with its owner (by phone, in person) before you trust it.");
        d.setContentText("Trust it as");
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(d.getEditor().textProperty().isEmpty());
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private void chooseSaveFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save this workstation's public key");
        fc.setInitialFileName("ja4-workstation-key.pub");
        File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) model.saveOwnKey(f.toPath());
    }

    private void chooseImportFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import a colleague's public key");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Public keys", "*.pub", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) model.importFile(f.toPath());
    }

    private static javafx.scene.control.TableColumn<SignerKey, String> column(String title,
                                                                              java.util.function.Function<SignerKey, String> value,
                                                                              double width) {
        javafx.scene.control.TableColumn<SignerKey, String> c = new javafx.scene.control.TableColumn<>(title);
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> SafeText.tableCell(false));
        c.setPrefWidth(width);
        return c;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-title");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }
}
