package com.ja4.workstation.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoFirst;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.testing.ShellStage;
import com.ja4.workstation.ui.analytics.FingerprintsController;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.ip.IpController;
import com.ja4.workstation.ui.table.FilteredTableController;
import com.ja4.workstation.ui.table.FilteredTableModel;
import com.ja4.workstation.ui.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window without the mouse (demo snapshot, headless): view shortcuts, the command palette, the F1 sheet, tables. */
@ExtendWith({DemoFirst.class, ApplicationExtension.class})
class KeyboardUiTest {

    Shell shell;

    @Start
    void start(Stage stage) throws Exception {
        shell = ShellStage.show(stage, 1400, 900);
        shell.use(SnapshotOpener.open(DemoSnapshots.defaultDemo()));
    }

    @Test
    void ctrlAndADigitShowTheRailsViews(FxRobot robot) {
        ctrl(robot, KeyCode.DIGIT2);
        assertEquals(ViewId.DETECTIONS, shell.controller().currentView());
        ctrl(robot, KeyCode.DIGIT9);
        assertEquals(ViewId.values()[8], shell.controller().currentView());
        ctrl(robot, KeyCode.DIGIT1);
        assertEquals(ViewId.OVERVIEW, shell.controller().currentView());
        for (ViewId v : ViewId.values()) {
            assertEquals(v.ordinal() < Shortcuts.NUMBERED_VIEWS, Shortcuts.keysOf(v).isPresent(), v + " has Ctrl+digit");
        }
    }

    @Test
    void thePaletteFindsAViewAnIpAndAJa4AndOpensThem(FxRobot robot) throws Exception {
        Detection d = firstDetection(robot);
        CommandPaletteModel palette = shell.controller().palette();

        // a view, fuzzy: "dtc" is Detections
        ctrl(robot, KeyCode.DIGIT1);
        openPalette(robot);
        robot.write("dtc");
        assertEquals("Show Detections", palette.results().get(0).title());
        robot.type(KeyCode.ENTER);
        assertEquals(ViewId.DETECTIONS, shell.controller().currentView());
        assertTrue(robot.lookup("#paletteField").tryQuery().isEmpty() || !robot.lookup("#paletteField").query().isVisible(),
                "Enter closes the palette");

        // part of an IP: looked up in the window in the background (the FX thread does not wait for it)
        String ip = d.ip();
        String fragment = ip.substring(0, ip.lastIndexOf('.'));
        openPalette(robot);
        TextField field = robot.lookup("#paletteField").queryAs(TextField.class);
        String[] noteWhileTyping = new String[1];
        robot.interact(() -> {
            field.setText(fragment);
            noteWhileTyping[0] = palette.noteProperty().get();
        });
        assertTrue(noteWhileTyping[0].startsWith("Looking up"), noteWhileTyping[0]);
        palette.lookUp().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        chooseAndRun(robot, palette, "Open IP " + ip + " — ");
        assertEquals(ViewId.IP, shell.controller().currentView());
        IpController ipView = (IpController) shell.controller().view(ViewId.IP).controller();
        assertEquals(ClientIp.parse(ip).orElseThrow(), ipView.selected().orElseThrow().ip());

        // an IP typed in full is offered at once, and is then a recent IP
        openPalette(robot);
        robot.interact(() -> field.setText(ip));
        assertEquals("Open IP " + ip, palette.results().get(0).title());
        robot.type(KeyCode.ESCAPE);
        assertFalse(field.isVisible() && field.getScene().getWindow().isShowing(), "Esc closes the palette");
        openPalette(robot);
        assertTrue(palette.results().stream().anyMatch(e -> e.kind().equals("Recent IP") && e.title().equals("Open IP " + ip)));
        robot.type(KeyCode.ESCAPE);

        // part of a JA4's hash: its profile in Fingerprints
        String ja4 = d.ja4();
        openPalette(robot);
        robot.interact(() -> field.setText(ja4.substring(11, 21)));
        palette.lookUp().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        chooseAndRun(robot, palette, "Look up JA4 " + ja4 + " — ");
        assertEquals(ViewId.FINGERPRINTS, shell.controller().currentView());
        FingerprintsController fp = (FingerprintsController) shell.controller().view(ViewId.FINGERPRINTS).controller();
        waitUntil(() -> fp.profilePane().isOpen());
        assertEquals(ja4, fp.profilePane().ja4());
    }

    @Test
    void f1ListsEveryShortcutOfTheTable(FxRobot robot) {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Node sheet = robot.lookup("#shortcutSheet").query();
        List<String> keys = robot.from(sheet).lookup(".shortcut-keys").queryAllAs(Label.class).stream().map(Label::getText).toList();
        List<String> what = robot.from(sheet).lookup(".shortcut-what").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertEquals(Shortcuts.all().stream().map(Shortcut::keysLabel).toList(), keys);
        assertEquals(Shortcuts.all().stream().map(Shortcut::what).toList(), what);
        assertTrue(keys.containsAll(List.of("Ctrl+1", "Ctrl+9", "Ctrl+K", "Ctrl+F", "Ctrl+L", "F5", "Esc", "F1", "Enter", "Ctrl+C")), keys.toString());
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(sheet.getScene().getWindow().isShowing(), "F1 again closes it");
    }

    @Test
    void searchWindowRefreshAndCancelHaveTheirKeys(FxRobot robot) throws Exception {
        waitUntil(() -> shell.controller().view(ViewId.OVERVIEW).controller().idle().isDone());
        ctrl(robot, KeyCode.F);
        assertTrue(robot.lookup(".global-search").query().isFocused(), "Ctrl+F: the search box");
        ctrl(robot, KeyCode.L);
        Node focused = robot.lookup(".window-box").query().getScene().getFocusOwner();
        assertTrue(TableKeysTestSupport.isInside(focused, robot.lookup(".window-box").query()), "Ctrl+L: the window selector");

        List<String> started = new ArrayList<>();
        robot.interact(() -> shell.model().tasks().running().addListener((ListChangeListener<Task>) c -> {
            while (c.next()) c.getAddedSubList().forEach(t -> started.add(t.nameProperty().get()));
        }));
        robot.clickOn(".rail-button");
        robot.type(KeyCode.F5);
        waitUntil(() -> started.contains("Loading Overview"));

        Task slow = shell.model().tasks().start("Slow work");
        robot.interact(() -> slow.track(new CompletableFuture<>()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shell.model().tasks().running().contains(slow));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(slow.isCancelled(), "Esc cancels the running work");
        assertFalse(shell.model().tasks().running().contains(slow));
    }

    @Test
    void aTableIsUsableWithoutTheMouse(FxRobot robot) throws Exception {
        FilteredTableModel<Detection> det = detections(robot);
        // Tab from the filter bar reaches the table; its first row is then selected
        robot.clickOn("#searchField");
        @SuppressWarnings("unchecked")
        TableView<Detection> table = robot.lookup(".paged-table .table-view").queryAs(TableView.class);
        for (int i = 0; i < 30 && !table.isFocused(); i++) robot.type(KeyCode.TAB);
        assertTrue(table.isFocused(), "Tab reaches the table");
        assertEquals(0, table.getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.DOWN);
        assertEquals(1, table.getFocusModel().getFocusedIndex());
        Detection row = det.rows().get(1);

        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        ctrl(robot, KeyCode.C);
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(Fx.time(row.detectedAt()), copied[0], "Ctrl+C: the focused cell as shown");

        // Page Down on the last row: the next page, its first row focused; Ctrl+Page Up: back
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(det.rows().size() - 1, table.getColumns().get(0));
            table.getFocusModel().focus(det.rows().size() - 1, table.getColumns().get(0));
        });
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil(() -> det.pageProperty().get() == 1 && det.loading().state() == Loadable.State.CONTENT);
        waitUntil(() -> table.getFocusModel().getFocusedIndex() == 0);
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_UP).release(KeyCode.PAGE_UP, KeyCode.CONTROL);
        waitUntil(() -> det.pageProperty().get() == 0 && det.loading().state() == Loadable.State.CONTENT);

        // Enter opens the row's IP
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(1, table.getColumns().get(0));
            table.getFocusModel().focus(1, table.getColumns().get(0));
        });
        robot.type(KeyCode.ENTER);
        assertEquals(ViewId.IP, shell.controller().currentView());
        IpController ipView = (IpController) shell.controller().view(ViewId.IP).controller();
        assertEquals(ClientIp.parse(row.ip()).orElseThrow(), ipView.selected().orElseThrow().ip());
    }

    // ---- helpers ----

    private FilteredTableModel<Detection> detections(FxRobot robot) throws Exception {
        ctrl(robot, KeyCode.DIGIT2);
        FilteredTableModel<Detection> det = ((FilteredTableController) shell.controller().view(ViewId.DETECTIONS).controller()).table();
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT && !det.rows().isEmpty());
        return det;
    }

    private Detection firstDetection(FxRobot robot) throws Exception {
        return detections(robot).rows().stream().filter(x -> x.ja4() != null && x.ja4().length() > 30 && x.ip().contains("."))
                .findFirst().orElseThrow();
    }

    private void openPalette(FxRobot robot) {
        ctrl(robot, KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#paletteField").queryAs(TextField.class).isFocused(), "Ctrl+K: the palette, its field focused");
    }

    /** Down to the entry whose title starts with {@code prefix}, then Enter. */
    private static void chooseAndRun(FxRobot robot, CommandPaletteModel palette, String prefix) {
        int target = -1;
        for (int i = 0; i < palette.results().size(); i++) if (palette.results().get(i).title().startsWith(prefix)) target = i;
        assertTrue(target >= 0, prefix + " in " + palette.results().stream().map(PaletteEntry::title).toList());
        while (palette.selectedProperty().get() < target) robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Is a node inside another. */
    static final class TableKeysTestSupport {
        static boolean isInside(Node n, Node ancestor) {
            for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
            return false;
        }
    }
}
