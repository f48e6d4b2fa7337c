package com.ja4.workstation.ui.shell;

import com.ja4.workstation.ui.common.TableKeys;
import com.ja4.workstation.ui.shell.Shortcut.Command;
import com.ja4.workstation.ui.shell.Shortcut.Scope;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard: the shortcuts of {@link Shortcuts} on the main window (tables' keys where a
 * table has the focus), the command palette (Ctrl+K) and the shortcut sheet (F1). Shortcuts with
 * modifiers or function keys are taken before the focused control sees them; Esc only when the
 * control did not use it (a combo box closing its list, a field putting its text back).
 */
final class ShellKeyboard {

    private final WindowCommands commands;
    private final CommandPaletteModel paletteModel;
    private final CommandPalette palette;
    private final ShortcutSheet sheet = new ShortcutSheet();
    private final Node root;

    /** @param more further palette actions of the moment (auto-refresh choices) */
    ShellKeyboard(Node root, AppModel app, WindowCommands commands, Supplier<List<PaletteEntry>> more) {
        this.root = root;
        this.commands = commands;
        this.paletteModel = new CommandPaletteModel(new PaletteSource(app, commands, () -> showSheet(), more));
        this.palette = new CommandPalette(paletteModel);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::beforeControls);
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::afterControls);
    }

    CommandPaletteModel paletteModel() {
        return paletteModel;
    }

    void showPalette() {
        if (root.getScene() != null && root.getScene().getWindow() != null) palette.show(root.getScene().getWindow());
    }

    void showSheet() {
        if (sheet.isShowing()) sheet.hide();
        else if (root.getScene() != null && root.getScene().getWindow() != null) sheet.show(root.getScene().getWindow());
    }

    private void beforeControls(KeyEvent e) {
        Optional<TableView<?>> table = e.getTarget() instanceof Node n ? TableKeys.tableOf(n) : Optional.empty();
        if (table.isPresent()) {
            Optional<Shortcut> s = Shortcuts.find(Scope.TABLE, e);
            if (s.isPresent() && inTable(s.get(), table.get(), e)) {
                e.consume();
                return;
            }
        }
        Shortcuts.find(Scope.WINDOW, e).filter(s -> s.command() != Command.CANCEL_WORK).ifPresent(s -> {
            e.consume();
            run(s);
        });
    }

    private void afterControls(KeyEvent e) {
        if (e.isConsumed()) return;
        Shortcuts.find(Scope.WINDOW, e).filter(s -> s.command() == Command.CANCEL_WORK).ifPresent(s -> {
            e.consume();
            run(s);
        });
    }

    private void run(Shortcut s) {
        if (s.command() == Command.PALETTE) showPalette();
        else if (s.command() == Command.SHEET) showSheet();
        else {
            Runnable r = commands.of(s);
            if (r != null) r.run();
        }
    }

    /** A table's shortcut; false when it does not apply here (Page Down in the middle of a page scrolls as usual). */
    private static boolean inTable(Shortcut s, TableView<?> t, KeyEvent e) {
        return switch (s.command()) {
            case OPEN_ROW -> TableKeys.openRow(t);
            case COPY_CELL -> TableKeys.copyFocusedCell(t);
            case NEXT_PAGE -> TableKeys.nextPage(t, e.isShortcutDown());
            case PREVIOUS_PAGE -> TableKeys.previousPage(t, e.isShortcutDown());
            default -> false;
        };
    }
}
