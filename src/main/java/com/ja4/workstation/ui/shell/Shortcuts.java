package com.ja4.workstation.ui.shell;

import com.ja4.workstation.ui.shell.Shortcut.Command;
import com.ja4.workstation.ui.shell.Shortcut.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The one table of keyboard shortcuts. The window's key handling, the tables' and the palette's
 * look keys up here, and the F1 sheet and the palette's hints are generated from it, so what the
 * sheet says is what the keys do.
 */
public final class Shortcuts {

    /** Views reachable with Ctrl+1 … Ctrl+9: the first nine of the rail. */
    public static final int NUMBERED_VIEWS = 9;

    private static final List<Shortcut> ALL = build();

    private Shortcuts() {
    }

    public static List<Shortcut> all() {
        return ALL;
    }

    public static List<Shortcut> of(Scope scope) {
        return ALL.stream().filter(s -> s.scope() == scope).toList();
    }

    /** The shortcut of {@code scope} these keys press, if any. */
    public static Optional<Shortcut> find(Scope scope, KeyEvent e) {
        for (Shortcut s : ALL) if (s.scope() == scope && s.matches(e)) return Optional.of(s);
        return Optional.empty();
    }

    /** The keys of a window command ("Ctrl+K"), for hints. */
    public static Optional<String> keysOf(Command c) {
        return ALL.stream().filter(s -> s.scope() == Scope.WINDOW && s.command() == c).findFirst().map(Shortcut::keysLabel);
    }

    /** The keys that show a view ("Ctrl+3"), if it is one of the numbered views. */
    public static Optional<String> keysOf(ViewId view) {
        return ALL.stream().filter(s -> s.command() == Command.SHOW_VIEW && s.view() == view).findFirst().map(Shortcut::keysLabel);
    }

    private static List<Shortcut> build() {
        List<Shortcut> l = new ArrayList<>();
        ViewId[] views = ViewId.values();
        for (int i = 0; i < Math.min(NUMBERED_VIEWS, views.length); i++) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + (i + 1));
            l.add(new Shortcut(Scope.WINDOW, new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN), null,
                    "Show " + views[i].title(), Command.SHOW_VIEW, views[i]));
        }
        l.add(window(KeyCode.K, "Command palette: find a view, an IP, a JA4 or an action", Command.PALETTE, KeyCombination.SHORTCUT_DOWN));
        if (views.length > NUMBERED_VIEWS) {
            List<String> rest = new ArrayList<>();
            for (int i = NUMBERED_VIEWS; i < views.length; i++) rest.add(views[i].title());
            l.add(new Shortcut(Scope.WINDOW, null, "Ctrl+K, a view's name", "Show " + String.join(", ", rest) + " (past the ninth)",
                    Command.BUILT_IN, null));
        }
        l.add(window(KeyCode.F, "Search box (IP, JA4, ASN or host)", Command.SEARCH, KeyCombination.SHORTCUT_DOWN));
        l.add(window(KeyCode.L, "Time window selector (type a length such as 12h, then Enter)", Command.WINDOW,
                KeyCombination.SHORTCUT_DOWN));
        l.add(window(KeyCode.F5, "Refresh the current view", Command.REFRESH));
        l.add(new Shortcut(Scope.WINDOW, new KeyCodeCombination(KeyCode.ESCAPE), "Esc", "Cancel the running work (the status bar's tasks)",
                Command.CANCEL_WORK, null));
        l.add(window(KeyCode.D, "Switch between the light and dark theme", Command.TOGGLE_THEME, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        l.add(window(KeyCode.F1, "This sheet of shortcuts", Command.SHEET));
        l.add(new Shortcut(Scope.WINDOW, null, "Tab / Shift+Tab", "Move the focus (into and out of tables)", Command.BUILT_IN, null));

        l.add(table(new KeyCodeCombination(KeyCode.ENTER), "Enter", "Open the selected row (an IP opens its drill-down)", Command.OPEN_ROW));
        l.add(table(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN), null, "Copy the focused cell (the row in a row table)",
                Command.COPY_CELL));
        l.add(table(null, "↑ ↓ ← →", "Move between rows and cells", Command.BUILT_IN));
        l.add(table(new KeyCodeCombination(KeyCode.PAGE_DOWN), "Page Down on the last row",
                "Next page of a paged table (Detections, Scores, Traffic)", Command.NEXT_PAGE));
        l.add(table(new KeyCodeCombination(KeyCode.PAGE_UP), "Page Up on the first row", "Previous page", Command.PREVIOUS_PAGE));
        l.add(table(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), null, "Next page, from any row",
                Command.NEXT_PAGE));
        l.add(table(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), null, "Previous page, from any row",
                Command.PREVIOUS_PAGE));

        l.add(new Shortcut(Scope.PALETTE, null, "type", "Fuzzy-find views and actions; an IP or JA4 (or part of one) is looked up",
                Command.BUILT_IN, null));
        l.add(new Shortcut(Scope.PALETTE, new KeyCodeCombination(KeyCode.DOWN), "↓", "Next entry", Command.PALETTE_NEXT, null));
        l.add(new Shortcut(Scope.PALETTE, new KeyCodeCombination(KeyCode.UP), "↑", "Previous entry", Command.PALETTE_PREVIOUS, null));
        l.add(new Shortcut(Scope.PALETTE, new KeyCodeCombination(KeyCode.ENTER), "Enter", "Run the chosen entry", Command.PALETTE_RUN, null));
        l.add(new Shortcut(Scope.PALETTE, new KeyCodeCombination(KeyCode.ESCAPE), "Esc", "Close the palette", Command.PALETTE_CLOSE, null));
        return Collections.unmodifiableList(l);
    }

    private static Shortcut window(KeyCode code, String what, Command c, KeyCombination.Modifier... modifiers) {
        return new Shortcut(Scope.WINDOW, new KeyCodeCombination(code, modifiers), null, what, c, null);
    }

    private static Shortcut table(KeyCombination keys, String text, String what, Command c) {
        return new Shortcut(Scope.TABLE, keys, text, what, c, null);
    }
}
