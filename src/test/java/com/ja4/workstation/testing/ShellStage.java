package com.ja4.workstation.testing;

import com.ja4.workstation.ui.common.Theme;
import com.ja4.workstation.ui.diagnostics.FxWatchdog;
import com.ja4.workstation.ui.shell.Shell;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window on a test stage, styled as in the application (TestFX @Start methods). */
public final class ShellStage {

    private ShellStage() {
    }

    /** Creates the shell, shows it in a window of the given size and returns it (no source yet). */
    public static Shell show(Stage stage, int width, int height) {
        FxWatchdog.startIfRequested(); // the build's test arguments set -Dja4.fxwatch: stalls of any UI test are logged
        Theme.applyUserAgent();
        Shell shell = Shell.create();
        Scene scene = new Scene(shell.root(), width, height);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        return shell;
    }
}
