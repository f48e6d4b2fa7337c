package com.ja4.workstation.ui;

import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.EarlySource;
import com.ja4.workstation.ui.common.Theme;
import com.ja4.workstation.ui.diagnostics.FxWatchdog;
import com.ja4.workstation.ui.diagnostics.StartupProbe;
import com.ja4.workstation.ui.shell.LoadedView;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application: the shell on the embedded demo data, or on a snapshot given as argument. */
public class WorkstationApp extends Application {

    private Shell shell;
    private com.ja4.workstation.ui.common.ThemeMode theme = com.ja4.workstation.ui.common.ThemeMode.LIGHT;

    /** Reads the remembered theme off the JavaFX thread (the launcher's), before the window is built. */
    @Override
    public void init() {
        theme = com.ja4.workstation.ui.shell.AppearanceModel.remembered(
                com.ja4.workstation.service.preferences.UserPreferences.inDataDir());
    }

    /** Starts the desktop application (headless commands never call this, so they never load the toolkit). */
    public static void launch(String[] args) {
        Application.launch(WorkstationApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("fx_started");
        if (FxWatchdog.requested()) FxWatchdog.start();
        Theme.use(theme);
        Theme.applyUserAgent();
        shell = Shell.create();
        Scene scene = new Scene(shell.root(), 1440, 900);
        Theme.style(scene);
        stage.setTitle("JA4 Analyst Workstation");
        var icon = WorkstationApp.class.getResource("/icons/ja4-workstation.png");
        if (icon != null) stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
        stage.setScene(scene);
        stage.show();
        StartupProbe.mark("stage_shown");
        probe(scene);
        Optional<EarlySource.Opening> early = EarlySource.take();
        CompletableFuture<Workspace> opening = early.map(o -> shell.adopt(o.what(), o.result())).orElseGet(this::openSource);
        if (early.isEmpty()) opening.whenComplete((ws, e) -> StartupProbe.mark("source_ready"));
        if (early.isPresent() && !opening.isDone()) buildFirstViewAfterFirstFrame(scene);
    }

    /** The first view is built while the source opens, once the window has shown its first frame. */
    private void buildFirstViewAfterFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                if (shell.controller().currentView() == null && shell.model().workspace() == null) shell.controller().show(ViewId.OVERVIEW);
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** The snapshot given as argument, or the demo (when the entry point did not begin opening it). */
    private CompletableFuture<Workspace> openSource() {
        List<String> args = getParameters().getRaw();
        String snapshot = args.stream().filter(a -> !a.startsWith("--")).findFirst().orElse(null);
        return snapshot != null ? shell.openSnapshot(Path.of(snapshot)) : shell.openDefault();
    }

    /**
     * Start-up ends at the first frame showing the overview's data: -Dja4.startup.probe writes its
     * marks and exits there; the JavaFX watchdog (-Dja4.fxwatch) attributes later stalls to views.
     */
    private void probe(Scene scene) {
        if (!StartupProbe.enabled() && FxWatchdog.current().isEmpty()) return;
        StartupProbe.markFirstFrame(scene);
        shell.model().workspaceProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Workspace> o, Workspace old, Workspace ws) {
                o.removeListener(this);
                StartupProbe.mark("workspace_shown");
                LoadedView overview = shell.controller().view(ViewId.OVERVIEW); // activated by the shell's own listener
                CompletableFuture<?> loaded = overview == null ? CompletableFuture.completedFuture(null) : overview.controller().idle();
                StartupProbe.whenPainted(scene, loaded, () -> {
                    FxWatchdog.startupDone();
                    StartupProbe.painted();
                });
            }
        });
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.model().tasks().cancelAll();
            if (shell.model().workspace() != null) shell.model().workspace().close();
        }
    }
}
