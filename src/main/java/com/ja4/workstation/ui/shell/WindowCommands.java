package com.ja4.workstation.ui.shell;

import java.util.function.Consumer;

/** What the window's commands do, bound by the controller to its widgets (keys and the palette run them). */
record WindowCommands(Consumer<ViewId> showView, Runnable search, Runnable window, Runnable refresh, Runnable cancelWork,
                      Runnable toggleTheme, Runnable latest, Runnable connect, Runnable openSnapshot, Runnable demo,
                      Runnable export) {

    /** The command a shortcut of the window runs; null for those the keyboard layer runs itself (palette, sheet). */
    Runnable of(Shortcut s) {
        return switch (s.command()) {
            case SHOW_VIEW -> () -> showView.accept(s.view());
            case SEARCH -> search;
            case WINDOW -> window;
            case REFRESH -> refresh;
            case CANCEL_WORK -> cancelWork;
            case TOGGLE_THEME -> toggleTheme;
            default -> null;
        };
    }
}
