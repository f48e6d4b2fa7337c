package com.ja4.workstation.ui.shell;

import com.ja4.workstation.data.feedback.Outbox;
import com.ja4.workstation.data.warehouse.ClickHouseDialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.feedback.OutboxPending;
import com.ja4.workstation.service.feedback.OutboxSync;
import com.ja4.workstation.service.profile.ConnectionProfile;
import com.ja4.workstation.service.profile.LiveConnector;
import com.ja4.workstation.service.profile.PasswordSource;
import com.ja4.workstation.service.profile.ProfileStore;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.source.SourceOpening;
import com.ja4.workstation.ui.connection.ConnectionDialog;
import com.ja4.workstation.ui.snapshot.ExportSnapshotDialog;
import java.util.Optional;
import java.util.function.Supplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * The main window with its model. Opening a source happens in the background; on failure the
 * window says why and stays usable (open another snapshot).
 */
public final class Shell {

    private final Parent root;
    private final AppModel model;
    private final MainWindowController controller;
    private Supplier<ProfileStore> profiles = ProfileStore::inDataDir;
    private final PasswordSource passwords = PasswordSource.system();
    private Outbox outboxOverride;
    private volatile CompletableFuture<OutboxSync.Result> lastSync = CompletableFuture.completedFuture(null);

    private Shell(Parent root, AppModel model, MainWindowController controller) {
        this.root = root;
        this.model = model;
        this.controller = controller;
    }

    public static Shell create() {
        FXMLLoader loader = new FXMLLoader(Shell.class.getResource("/fxml/main-window.fxml"));
        try {
            Parent root = loader.load();
            AppModel model = new AppModel();
            MainWindowController c = loader.getController();
            Shell shell = new Shell(root, model, c);
            c.init(model, shell::openSnapshot);
            c.setActions(new MainWindowController.SourceActions(shell::showConnectDialog, shell::openDefault, shell::showExportDialog));
            return shell;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Parent root() {
        return root;
    }

    public AppModel model() {
        return model;
    }

    public MainWindowController controller() {
        return controller;
    }

    /** Opens a snapshot file in the background; the previous source stays until the new one is ready. */
    public CompletableFuture<Workspace> openSnapshot(Path file) {
        return open("Opening " + file.getFileName(), () -> SourceOpening.openSnapshot(file));
    }

    /** The embedded default: the demo snapshot in the data folder, generated on first start. */
    public CompletableFuture<Workspace> openDefault() {
        return open("Preparing demo data", SourceOpening::openDemo);
    }

    /**
     * Uses an already opened workspace (tests, render, a connect that succeeded). On a live
     * ClickHouse the classifications waiting in the outbox are then synced in the background.
     */
    public void use(Workspace ws) {
        if (outboxOverride != null) ws.useOutbox(outboxOverride);
        Workspace old = model.workspace();
        model.workspaceProperty().set(ws);
        if (old != null && old != ws) old.close();
        if (ws.warehouse().dialect() instanceof ClickHouseDialect) syncOutbox(ws);
    }

    /** Tests: the outbox file every workspace uses (instead of the one in the data folder). */
    public void useOutbox(Outbox outbox) {
        this.outboxOverride = outbox;
    }

    /** Tests: where connection profiles are stored (instead of the data folder). */
    public void useProfiles(ProfileStore store) {
        this.profiles = () -> store;
    }

    /** The outbox sync started by the last live workspace (completed with null when none ran). */
    public CompletableFuture<OutboxSync.Result> lastSync() {
        return lastSync;
    }

    /** The Connect… action: profiles, Test connection, Save, Connect. */
    public ConnectionDialog showConnectDialog() {
        javafx.stage.Stage[] stage = new javafx.stage.Stage[1];
        ConnectionDialog d = new ConnectionDialog(profiles.get(), passwords, ws -> {
            if (stage[0] != null) stage[0].close();
        }, this::connect);
        stage[0] = d.show(root.getScene() == null ? null : root.getScene().getWindow());
        return d;
    }

    /**
     * Connects to a live ClickHouse in the background (progress in the status bar). On success the
     * workspace replaces the current one; on failure the reason shows and the current source stays.
     */
    public CompletableFuture<Workspace> connect(ConnectionProfile p, String password) {
        String what = "Connecting to " + p.name() + " (" + p.host() + ":" + p.port() + ")";
        var task = model.tasks().start(what, null);
        controller.showStatus(what + "…");
        CompletableFuture<Workspace> f = CompletableFuture.supplyAsync(() -> {
            try {
                return LiveConnector.connect(p, password);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e.getMessage(), e);
            }
        });
        CompletableFuture<Workspace> shown = new CompletableFuture<>();
        f.whenComplete((ws, err) -> Platform.runLater(() -> {
            task.done();
            if (err != null) {
                Throwable c = err.getCause() != null ? err.getCause() : err;
                String why = c.getMessage() == null ? c.toString() : c.getMessage();
                controller.showStatus("Could not connect to " + p.name() + ": " + why
                        + (model.workspace() != null ? " (still on " + model.workspace().describe() + ")" : ""));
                shown.completeExceptionally(c);
            } else {
                use(ws);
                shown.complete(ws);
            }
        }));
        return shown;
    }

    /** Writes the outbox's pending classifications to soc_feedback of the live workspace, in the background. */
    public CompletableFuture<OutboxSync.Result> syncOutbox(Workspace ws) {
        QueryContext ctx = QueryContext.create();
        var task = model.tasks().start("Syncing pending classifications", ctx::cancel);
        CompletableFuture<OutboxSync.Result> f = CompletableFuture.supplyAsync(() -> {
            OutboxPending pending = new OutboxPending(ws.outbox());
            try {
                if (pending.pending().isEmpty()) return null;
            } catch (java.io.IOException e) {
                return new OutboxSync.Result(0, 0, -1, Optional.of(e.getMessage()));
            }
            return new OutboxSync(ws.warehouse()).sync(pending, ctx);
        });
        CompletableFuture<OutboxSync.Result> reported = new CompletableFuture<>();
        f.whenComplete((r, err) -> Platform.runLater(() -> {
            task.done();
            if (err != null) {
                controller.showStatus("Outbox sync failed: " + QueryScope.reason(err)
                        + ". The classifications stay pending and are retried on the next connect.");
            } else if (r != null) {
                int written = r.inserted() + r.alreadyPresent();
                if (r.complete()) {
                    controller.showStatus("Synced " + written + " pending classification" + (written == 1 ? "" : "s")
                            + " to soc_feedback");
                } else {
                    controller.showStatus("Outbox sync failed after " + written + ": " + r.failure().orElse("?")
                            + (r.remaining() > 0 ? ". " + r.remaining() + " kept pending" : ". Kept pending")
                            + ", retried on the next connect.");
                }
                controller.refreshFeedback();
            }
            if (err != null) reported.completeExceptionally(err);
            else reported.complete(r);
        }));
        lastSync = reported;
        return reported;
    }

    /** The Export snapshot… action (live sources only): current window, optional host and threat filters. */
    public Optional<ExportSnapshotDialog> showExportDialog() {
        Workspace ws = model.workspace();
        if (ws == null || ws.isSnapshot() || model.window() == null) {
            controller.showStatus("Export snapshot needs a live ClickHouse source: use Connect… first.");
            return Optional.empty();
        }
        ExportSnapshotDialog d = new ExportSnapshotDialog(ws, model.window(), model.tasks(), controller::showStatus);
        d.show(root.getScene() == null ? null : root.getScene().getWindow());
        return Optional.of(d);
    }

    private CompletableFuture<Workspace> open(String what, SourceOpening.Opener opener) {
        return adopt(what, CompletableFuture.supplyAsync(() -> {
            try {
                return opener.open();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }));
    }

    /**
     * Shows a source whose opening is already under way (begun at start-up, before the window):
     * listed in the status bar like any opening, shown when ready, its failure said in the window.
     */
    public CompletableFuture<Workspace> adopt(String what, CompletableFuture<Workspace> f) {
        var task = model.tasks().start(what, null);
        controller.showStatus(what + "…");
        f.whenComplete((ws, err) -> Platform.runLater(() -> {
            task.done();
            if (err != null) {
                Throwable c = err.getCause() != null ? err.getCause() : err;
                controller.showSourceError(c.getMessage() == null ? c.toString() : c.getMessage());
            } else {
                use(ws);
            }
        }));
        return f;
    }
}
