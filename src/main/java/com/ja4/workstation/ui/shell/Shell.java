package com.ja4.workstation.ui.shell;

import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SourceOpening;
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

    /** Uses an already opened workspace (tests, render). */
    public void use(Workspace ws) {
        Workspace old = model.workspace();
        model.workspaceProperty().set(ws);
        if (old != null && old != ws) old.close();
    }

    private CompletableFuture<Workspace> open(String what, SourceOpening.Opener opener) {
        var task = model.tasks().start(what, null);
        controller.showStatus(what + "…");
        CompletableFuture<Workspace> f = CompletableFuture.supplyAsync(() -> {
            try {
                return opener.open();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
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
