package com.ja4.workstation.app;

/** Starts the JavaFX application (kept apart so headless commands never load the toolkit). */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    public static void launch(String[] args) {
        javafx.application.Application.launch(com.ja4.workstation.ui.WorkstationApp.class, args);
    }
}
