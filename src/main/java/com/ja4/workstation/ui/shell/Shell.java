package com.ja4.workstation.ui.shell;

import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.feedback.OutboxSync;
import com.ja4.workstation.service.profile.ConnectionProfile;
import com.ja4.workstation.service.profile.LiveConnector;
import com.ja4.workstation.service.profile.PasswordSource;
import com.ja4.workstation.service.profile.ProfileStore;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.source.SourceOpening;
import com.ja4.workstation.ui.connection.ConnectionDialog;
import com.ja4.workstation.service.snapshot.SnapshotKeyService;
import com.ja4.workstation.ui.snapshot.ExportSnapshotDialog;
import com.ja4.workstation.ui.snapshot.SnapshotKeysDialog;
import com.ja4.workstation.ui.snapshot.SnapshotKeysModel;
import com.ja4.workstation.ui.task.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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
    private Path outboxOverride;
    private volatile CompletableFuture<Optional<OutboxSync.Result>> lastSync = CompletableFuture.completedFuture(Optional.empty());

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
            c.setActions(new MainWindowController.SourceActions(shell::showConnectDialog, shell::openDefault, shell::showExportDialog,
                    shell::showTrustKeyDialog, shell::showKeysDialog));
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

    /**
     * Opens a snapshot file in the background, with the progress of its check in the status bar;
     * the previous source stays until the new one is ready. A refused file says why in the window.
     */
    public CompletableFuture<Workspace> openSnapshot(Path file) {
        return open("Opening " + file.getFileName(), task -> SourceOpening.openSnapshot(file, p -> {
            // Cancel in the status bar stops the check between two tables
            if (task.isCancelled()) throw new java.util.concurrent.CancellationException("Opening cancelled");
            task.progress(p);
        }));
    }

    /** The embedded default: the demo snapshot in the data folder, generated on first start. */
    public CompletableFuture<Workspace> openDefault() {
        return open("Preparing demo data", task -> SourceOpening.openDemo());
    }

    /**
     * Uses an already opened workspace (tests, render, a connect that succeeded). On a live
     * ClickHouse the classifications waiting in the outbox are then synced in the background.
     */
    public void use(Workspace ws) {
        if (outboxOverride != null) ws.session().useOutboxFile(outboxOverride);
        Workspace old = model.workspace();
        model.workspaceProperty().set(ws);
        if (old != null && old != ws) old.close();
        if (ws.session().isLive()) syncOutbox(ws);
    }

    /** Tests: the outbox file every workspace uses (instead of the one in the data folder). */
    public void useOutbox(Path file) {
        this.outboxOverride = file;
    }

    /** Tests: where the theme is remembered (instead of the data folder). */
    public void usePreferences(com.ja4.workstation.service.preferences.UserPreferences prefs) {
        controller.appearance().usePreferences(prefs);
    }

    /**
     * Tests: the live watch's clock and timer, and where it announces new CRITICAL IPs (the window
     * shows them as desktop notifications: pass {@link #desktopNotifications()} on to see them too).
     */
    public void useLiveWatch(LiveScheduler scheduler, java.util.function.Consumer<LiveWatch.Alert> alerts) {
        controller.liveWatch().use(scheduler, alerts);
    }

    /** The window's notifications (ControlsFX) of new CRITICAL IPs. */
    public java.util.function.Consumer<LiveWatch.Alert> desktopNotifications() {
        return new DesktopNotifications(root, model);
    }

    /** Tests: where connection profiles are stored (instead of the data folder). */
    public void useProfiles(ProfileStore store) {
        this.profiles = () -> store;
    }

    /** The outbox sync started by the last live workspace (completed with null when none ran). */
    public CompletableFuture<Optional<OutboxSync.Result>> lastSync() {
        return lastSync;
    }

    /** The Connect… action: profiles, Test connection, Save, Connect. */
    public ConnectionDialog showConnectDialog() {
        javafx.stage.Stage[] stage = new javafx.stage.Stage[1];
        ConnectionDialog d = new ConnectionDialog(profiles.get(), passwords, ws -> {
            if (stage[0] != null) stage[0].close();
        }, this::connect, model.tasks());
        stage[0] = d.show(root.getScene() == null ? null : root.getScene().getWindow());
        return d;
    }

    /**
     * Connects to a live ClickHouse in the background (progress in the status bar). On success the
     * workspace replaces the current one; on failure the reason shows and the current source stays.
     */
    public CompletableFuture<Workspace> connect(ConnectionProfile p, String password) {
        String what = "Connecting to " + p.name() + " (" + p.host() + ":" + p.port() + ")";
        Task task = model.tasks().start(what);
        controller.showStatus(what + "…");
        CompletableFuture<Workspace> shown = new CompletableFuture<>();
        task.run(() -> LiveConnector.connect(p, password)).whenComplete((ws, err) -> Platform.runLater(() -> {
            if (err != null) {
                Throwable c = err.getCause() != null ? err.getCause() : err;
                String why = c.getMessage() == null ? c.toString() : c.getMessage();
                controller.showStatus("Could not connect to " + p.name() + ": " + why
                        + (model.workspace() != null ? " (still on " + model.workspace().session().describe() + ")" : ""));
                shown.completeExceptionally(c);
            } else {
                use(ws);
                shown.complete(ws);
            }
        }));
        return shown;
    }

    /** Writes the outbox's pending classifications to soc_feedback of the live workspace, in the background. */
    public CompletableFuture<Optional<OutboxSync.Result>> syncOutbox(Workspace ws) {
        Task task = model.tasks().start("Syncing pending classifications");
        CompletableFuture<Optional<OutboxSync.Result>> reported = new CompletableFuture<>();
        task.track(ws.session().syncOutbox(task.scope())).whenComplete((r, err) -> Platform.runLater(() -> {
            if (err != null) {
                controller.showStatus("Outbox sync failed: " + QueryScope.reason(err)
                        + ". The classifications stay pending and are retried on the next connect.");
            } else if (r.isPresent()) {
                OutboxSync.Result res = r.get();
                int written = res.inserted() + res.alreadyPresent();
                if (res.complete()) {
                    controller.showStatus("Synced " + written + " pending classification" + (written == 1 ? "" : "s")
                            + " to soc_feedback");
                } else {
                    controller.showStatus("Outbox sync failed after " + written + ": " + res.failure().orElse("?")
                            + (res.remaining() > 0 ? ". " + res.remaining() + " kept pending" : ". Kept pending")
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
        if (ws == null || ws.session().isSnapshot() || model.window() == null) {
            controller.showStatus("Export snapshot needs a live ClickHouse source: use Connect… first.");
            return Optional.empty();
        }
        ExportSnapshotDialog d = new ExportSnapshotDialog(ws, model.window(), model.tasks(), controller::showStatus);
        d.show(root.getScene() == null ? null : root.getScene().getWindow());
        return Optional.of(d);
    }

    /** What opens a source, given the task it runs in (for its progress). */
    private interface Opening {
        Workspace open(Task task) throws Exception;
    }

    /** "Trust this key…": asks the name (prefilled with the signer's), then trusts the snapshot's key under it. */
    public void showTrustKeyDialog() {
        ProvenanceModel p = controller.model().provenance();
        if (!p.canTrustProperty().get()) return;
        SnapshotKeysDialog.askTrustName(window(), p.suggestedNameProperty().get(), p.fingerprintProperty().get()).ifPresent(p::trust);
    }

    /** Source > Snapshot keys…: this workstation's public key, the trusted keys, import a colleague's key file. */
    public SnapshotKeysDialog showKeysDialog() {
        SnapshotKeysDialog d = new SnapshotKeysDialog(new SnapshotKeysModel(SnapshotKeyService.inDataDir(), model.tasks()));
        d.show(window());
        return d;
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private CompletableFuture<Workspace> open(String what, Opening opening) {
        Task task = model.tasks().start(what);
        return shown(what, task, task.run(() -> opening.open(task)));
    }

    /**
     * Shows a source whose opening is already under way (begun at start-up, before the window):
     * listed in the status bar like any opening, shown when ready, its failure said in the window.
     */
    public CompletableFuture<Workspace> adopt(String what, CompletableFuture<Workspace> opening) {
        Task task = model.tasks().start(what);
        return shown(what, task, task.track(opening));
    }

    private CompletableFuture<Workspace> shown(String what, Task task, CompletableFuture<Workspace> f) {
        controller.showStatus(what + "…");
        f.whenComplete((ws, err) -> Platform.runLater(() -> {
            if (task.isCancelled() || (err != null && QueryScope.isCancellation(err))) {
                if (ws != null) ws.close(); // finished after the analyst cancelled: not shown
                controller.showStatus(what + " cancelled" + (model.workspace() == null ? "" : "; the current source stays open") + ".");
            } else if (err != null) {
                // the refusal's own sentence (it names the file and the reason), never a stack trace
                String why = QueryScope.reason(err);
                controller.showSourceError(model.workspace() == null ? why
                        : why + " (still on " + model.workspace().session().describe() + ")");
            } else {
                use(ws);
            }
        }));
        return f;
    }
}
