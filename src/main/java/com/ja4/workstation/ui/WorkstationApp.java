package com.ja4.workstation.ui;

import com.ja4.workstation.ui.common.Theme;
import com.ja4.workstation.ui.shell.Shell;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
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
        List<String> args = getParameters().getRaw();
        String snapshot = args.stream().filter(a -> !a.startsWith("--")).findFirst().orElse(null);
        if (snapshot != null) shell.openSnapshot(Path.of(snapshot));
        else shell.openDefault();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.model().tasks().cancelAll();
            if (shell.model().workspace() != null) shell.model().workspace().close();
        }
    }
}
