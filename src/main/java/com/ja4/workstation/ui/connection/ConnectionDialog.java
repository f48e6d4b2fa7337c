package com.ja4.workstation.ui.connection;

import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.profile.ConnectionProfile;
import com.ja4.workstation.service.profile.LiveConnector;
import com.ja4.workstation.service.profile.PasswordSource;
import com.ja4.workstation.service.profile.ProfileStore;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.task.Task;
import com.ja4.workstation.ui.task.Tasks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * ClickHouse connection profiles: pick or edit a profile, Test connection (server version and
 * schema check, or the reason it fails), Save (never the password), Connect. The password is
 * typed per session (or comes from JA4_CH_PASSWORD_&lt;PROFILE&gt;).
 */
public final class ConnectionDialog {

    private final ProfileStore store;
    private final PasswordSource passwords;
    private final Consumer<Workspace> onConnect;
    private final Connector connector;
    private final Tasks tasks;

    /** Opens a workspace for the profile off the FX thread; the future fails with the analyst-facing reason. */
    @FunctionalInterface
    public interface Connector {
        CompletableFuture<Workspace> connect(ConnectionProfile profile, String password);

        /** Connects without telling anyone else (the caller of onConnect uses the workspace). */
        static Connector direct(Tasks tasks) {
            return (p, pw) -> tasks.start("Connecting to " + p.name()).run(() -> LiveConnector.connect(p, pw));
        }
    }

    final ComboBox<String> profiles = new ComboBox<>();
    final TextField name = field("prod", "name");
    final TextField host = field("clickhouse.example.net", "host");
    final TextField port = field("8123", "port");
    final CheckBox https = new CheckBox("HTTPS");
    final TextField caFile = field("optional PEM file", "ca");
    final TextField user = field("default", "user");
    final PasswordField password = new PasswordField();
    final TextField processingDb = field("mabase_prod", "processing");
    final TextField logsDb = field("mabase_prod", "logs");
    final TextField modelsFolder = field("optional folder of model JSON", "models");
    final TextField connectTimeout = field("10", "connectTimeout");
    final TextField queryTimeout = field("120", "queryTimeout");
    final CheckBox compression = new CheckBox("Compress (slow links)");
    final Label result = new Label();
    final Button test = new Button("Test connection");
    final Button save = new Button("Save");
    final Button connect = new Button("Connect");
    private final VBox root;

    public ConnectionDialog(ProfileStore store, PasswordSource passwords, Consumer<Workspace> onConnect, Tasks tasks) {
        this(store, passwords, onConnect, Connector.direct(tasks), tasks);
    }

    /**
     * {@code connector} does the connecting (the shell: status-bar progress, replaces the workspace);
     * Test connection runs as a task of {@code tasks}.
     */
    public ConnectionDialog(ProfileStore store, PasswordSource passwords, Consumer<Workspace> onConnect, Connector connector,
                            Tasks tasks) {
        this.connector = connector;
        this.tasks = tasks;
        this.store = store;
        this.passwords = passwords;
        this.onConnect = onConnect;
        password.setId("password");
        password.setPromptText("never saved; or set JA4_CH_PASSWORD_<PROFILE>");
        result.setId("result");
        result.setWrapText(true);
        result.setMaxWidth(520);
        user.setText("default");
        processingDb.setText("mabase_prod");
        logsDb.setText("mabase_prod");
        port.setText("8123");
        connectTimeout.setText("10");
        queryTimeout.setText("120");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, new Label("Saved profiles"), profiles);
        g.addRow(r++, new Label("Name"), name);
        g.addRow(r++, new Label("Host"), host);
        g.addRow(r++, new Label("Port"), new HBox(8, port, https));
        g.addRow(r++, new Label("CA file"), caFile);
        g.addRow(r++, new Label("User"), user);
        g.addRow(r++, new Label("Password"), password);
        g.addRow(r++, new Label("Processing database"), processingDb);
        g.addRow(r++, new Label("Logs database"), logsDb);
        g.addRow(r++, new Label("Models folder"), modelsFolder);
        g.addRow(r++, new Label("Connect timeout (s)"), connectTimeout);
        g.addRow(r++, new Label("Query timeout (s)"), new HBox(8, queryTimeout, compression));
        test.setId("test");
        save.setId("save");
        connect.setId("connect");
        test.setOnAction(e -> runTest());
        save.setOnAction(e -> runSave());
        connect.setOnAction(e -> runConnect());
        profiles.setOnAction(e -> load(profiles.getValue()));
        root = new VBox(10, g, new HBox(8, test, save, connect), result);
        root.setPadding(new Insets(14));
        refreshProfiles();
    }

    private static TextField field(String prompt, String id) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.setId(id);
        return f;
    }

    public Parent content() {
        return root;
    }

    public Stage show(Window owner) {
        Stage s = new Stage();
        if (owner != null) {
            s.initOwner(owner);
            s.initModality(Modality.WINDOW_MODAL);
        }
        s.setTitle("ClickHouse connection");
        Scene scene = new Scene(root);
        com.ja4.workstation.ui.common.Theme.style(scene);
        s.setScene(scene);
        s.show();
        return s;
    }

    /** The profile in the fields, or the reason it is not valid. */
    Optional<ConnectionProfile> profile() {
        try {
            int p = Integer.parseInt(port.getText().strip());
            return Optional.of(ConnectionProfile.of(name.getText().strip(), host.getText(), p, https.isSelected(),
                    blank(caFile.getText()) ? Optional.empty() : Optional.of(Path.of(caFile.getText().strip())),
                    user.getText().strip(), processingDb.getText().strip(), logsDb.getText().strip(),
                    blank(modelsFolder.getText()) ? Optional.empty() : Optional.of(Path.of(modelsFolder.getText().strip())),
                    Duration.ofSeconds(Long.parseLong(connectTimeout.getText().strip())),
                    Duration.ofSeconds(Long.parseLong(queryTimeout.getText().strip())), compression.isSelected()));
        } catch (NumberFormatException e) {
            show("Port and timeouts must be whole numbers.", false);
        } catch (IllegalArgumentException e) {
            show(e.getMessage(), false);
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String password(ConnectionProfile p) {
        if (!password.getText().isEmpty()) return password.getText();
        return passwords.find(p.name()).orElse("");
    }

    private void runTest() {
        profile().ifPresent(p -> {
            String pw = password(p);
            busy("Testing " + p.host() + ":" + p.port() + "…");
            Task task = tasks.start("Testing " + p.host() + ":" + p.port());
            task.then(task.run(() -> LiveConnector.test(p, pw)), check -> {
                String views = check.schema().map(s -> s.unavailableViews().isEmpty() ? ""
                        : "\nUnavailable views: " + s.unavailableViews()).orElse("");
                show(check.message() + views, check.ok());
            }, err -> show(QueryScope.reason(err), false));
        });
    }

    private void runSave() {
        profile().ifPresent(p -> {
            try {
                store.save(p);
                refreshProfiles();
                show("Saved profile " + p.name() + " (without the password).", true);
            } catch (Exception e) {
                show("Cannot save: " + e.getMessage(), false);
            }
        });
    }

    private void runConnect() {
        profile().ifPresent(p -> {
            String pw = password(p);
            busy("Connecting…");
            connector.connect(p, pw).whenComplete((ws, err) -> Platform.runLater(() -> {
                if (err != null) {
                    Throwable c = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
                    if (c instanceof IllegalStateException && c.getCause() != null) c = c.getCause();
                    show(c.getMessage(), false);
                } else {
                    passwords.rememberForSession(p.name(), pw);
                    show("Connected to " + p.describe() + ".", true);
                    onConnect.accept(ws);
                }
            }));
        });
    }

    private void load(String profileName) {
        if (profileName == null) return;
        try {
            store.get(profileName).ifPresent(p -> {
                name.setText(p.name());
                host.setText(p.host());
                port.setText(Integer.toString(p.port()));
                https.setSelected(p.https());
                caFile.setText(p.caFile().map(Path::toString).orElse(""));
                user.setText(p.user());
                processingDb.setText(p.processingDatabase());
                logsDb.setText(p.logsDatabase());
                modelsFolder.setText(p.modelsFolder().map(Path::toString).orElse(""));
                connectTimeout.setText(Long.toString(p.connectTimeout().toSeconds()));
                queryTimeout.setText(Long.toString(p.queryTimeout().toSeconds()));
                compression.setSelected(p.compression());
                password.setText(passwords.find(p.name()).orElse(""));
            });
        } catch (Exception e) {
            show("Cannot read the profiles: " + e.getMessage(), false);
        }
    }

    private void refreshProfiles() {
        try {
            profiles.getItems().setAll(store.list().stream().map(ConnectionProfile::name).toList());
        } catch (Exception e) {
            show("Cannot read the profiles: " + e.getMessage(), false);
        }
    }

    private void busy(String text) {
        test.setDisable(true);
        connect.setDisable(true);
        result.setStyle("");
        result.setText(text);
    }

    private void show(String text, boolean ok) {
        test.setDisable(false);
        connect.setDisable(false);
        result.setText(text);
        result.setStyle(ok ? "-fx-text-fill: #1a7f37;" : "-fx-text-fill: #cf222e;");
    }
}
