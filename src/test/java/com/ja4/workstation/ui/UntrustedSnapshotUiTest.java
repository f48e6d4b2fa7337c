package com.ja4.workstation.ui;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.DisplayText;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.snapshot.SnapshotKeys;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.testing.HostileSnapshot;
import com.ja4.workstation.testing.ShellStage;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.shell.ProvenanceModel;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.ui.table.FilteredTableController;
import com.ja4.workstation.ui.table.FilteredTableModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A snapshot from someone else in the window (issues 12 and 13), as an analyst meets it: hostile
 * text shown bounded and with its invisible characters visible, who made the file beside the
 * source (demo, unsigned, unknown key then trusted), a refused file's one-line reason with the
 * current source kept, an opening cancelled, and the OS mismatch column and filter on the demo.
 */
@ExtendWith(ApplicationExtension.class)
class UntrustedSnapshotUiTest {

    /** The bidi controls the issue names; none may reach the screen as such. */
    private static final Set<Integer> BIDI = Set.of(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069);

    @TempDir
    Path tmp;
    Shell shell;

    @Start
    void start(Stage stage) {
        shell = ShellStage.show(stage, 1400, 900);
    }

    @Test
    void hostileTextIsShownBoundedWithItsControlsVisible(FxRobot robot) throws Exception {
        Path file = tmp.resolve("hostile.duckdb");
        HostileSnapshot.write(file);
        open(robot, file);
        showView(robot, "Detections");
        FilteredTableModel<Detection> det = table(ViewId.DETECTIONS);
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT && det.rows().size() == HostileSnapshot.rows());

        // the rows keep the raw values (copy, filter, export); the screen shows them safely
        assertTrue(det.rows().stream().anyMatch(d -> d.host().equals(HostileSnapshot.LONG)), "the 100 KB value is in the model");
        List<Labeled> shown = robot.lookup(n -> n instanceof Labeled l && l.isVisible() && l.getText() != null).queryAllAs(Labeled.class)
                .stream().toList();
        assertTrue(shown.size() > 100, "cells on screen: " + shown.size());
        for (Labeled l : shown) {
            String text = l.getText();
            assertTrue(text.length() <= DisplayText.TOOLTIP, "bounded: " + text.length() + " characters in " + l);
            assertTrue(text.codePoints().noneMatch(BIDI::contains), "no raw bidi control on screen: " + DisplayText.cell(text));
            assertFalse(text.contains("\u0000"), "no raw NUL on screen");
            if (l.getTooltip() != null) {
                assertTrue(l.getTooltip().getText().length() <= DisplayText.TOOLTIP + 1);
                assertTrue(l.getTooltip().getText().codePoints().noneMatch(BIDI::contains));
            }
        }
        List<String> cells = shown.stream().filter(l -> l.getStyleClass().contains("table-cell")).map(Labeled::getText).toList();
        assertTrue(cells.contains("evil⟦U+202E⟧txt.exe"), "the override shows as a marker, so evil.exe cannot read exe.live");
        String longCell = cells.stream().filter(t -> t.startsWith("AAAA")).findFirst().orElseThrow();
        assertTrue(longCell.length() <= DisplayText.CELL && longCell.endsWith(DisplayText.ELLIPSIS), "cut with an ellipsis");
        String source = robot.lookup(".source-indicator").queryAs(Label.class).getTooltip().getText();
        assertTrue(source.contains("hostile corpus ⟦U+202E⟧test"), "the manifest's own words are shown safely too: " + source);
        assertTrue(source.contains("\n") && !source.contains("⟦U+000A⟧"), "the tooltip's own lines stay lines: " + source);
        assertEquals("unsigned", provenanceLabel(robot).getText());
    }

    @Test
    void theIndicatorSaysWhoMadeTheSnapshotAndAKeyCanBeTrusted(FxRobot robot) throws Exception {
        ProvenanceModel p = shell.controller().model().provenance();
        Path demo = AppPaths.demoSnapshot();
        if (!Files.exists(demo)) Files.copy(DemoSnapshots.defaultDemo(), demo); // saves generating it again
        Workspace demoWs = onFx(robot, shell::openDefault).get(3, TimeUnit.MINUTES);
        waitUntil(() -> shell.model().workspace() == demoWs);
        assertEquals("demo data", provenanceLabel(robot).getText());
        assertTrue(provenanceLabel(robot).getStyleClass().contains("provenance-demo"));
        assertTrue(trustItem(robot).isDisable());

        Path unsigned = tmp.resolve("unsigned.duckdb");
        HostileSnapshot.write(unsigned);
        open(robot, unsigned);
        assertEquals("unsigned", provenanceLabel(robot).getText());
        assertTrue(provenanceLabel(robot).getTooltip().getText().contains("accident"), provenanceLabel(robot).getTooltip().getText());

        // signed by a colleague whose key this workstation does not know yet
        Path signed = tmp.resolve("signed.duckdb");
        HostileSnapshot.write(signed, SnapshotKeys.at(tmp.resolve("colleague-keys")));
        open(robot, signed);
        assertTrue(provenanceLabel(robot).getText().startsWith("⚠ unknown signer "), provenanceLabel(robot).getText());
        assertTrue(provenanceLabel(robot).getStyleClass().contains("provenance-unknown"));
        assertFalse(trustItem(robot).isDisable(), "Trust this key… applies");
        String fingerprint = p.fingerprintProperty().get();
        assertTrue(provenanceLabel(robot).getTooltip().getText().contains(fingerprint), "the tooltip gives the fingerprint to compare");

        String name = "Colleague " + Long.toHexString(System.nanoTime()); // the test folder's keys outlive a run
        CompletableFuture<?> trusted = onFx(robot, () -> p.trust(name));
        trusted.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("✓ signed by " + name, provenanceLabel(robot).getText());
        assertTrue(provenanceLabel(robot).getStyleClass().contains("provenance-trusted"));
        assertTrue(trustItem(robot).isDisable(), "nothing left to trust");
    }

    @Test
    void aRefusedFileSaysWhyInOneLineAndTheCurrentSourceStays(FxRobot robot) throws Exception {
        Path good = tmp.resolve("good.duckdb");
        HostileSnapshot.write(good);
        Workspace before = open(robot, good);

        Path crafted = tmp.resolve("crafted.duckdb");
        Files.copy(good, crafted);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + crafted); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW stolen AS SELECT 1 AS x"); // a file that carries code is refused before any query
        }
        CompletableFuture<Workspace> f = onFx(robot, () -> shell.openSnapshot(crafted));
        assertThrows(Exception.class, () -> f.get(60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        Label why = robot.lookup("#sourceError").queryAs(Label.class);
        assertTrue(why.isVisible());
        String text = why.getText();
        assertTrue(text.contains("crafted.duckdb"), "names the file: " + text);
        assertFalse(text.contains("\n"), "one line: " + text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), "no stack trace: " + text);
        assertSame(before, shell.model().workspace(), "nothing opened; the current source stays");
        assertTrue(robot.lookup(".source-indicator").queryAs(Label.class).getText().contains("good.duckdb"));

        robot.clickOn("#backToSource");
        assertTrue(robot.lookup("#sourceError").tryQuery().isEmpty(), "back to the views of the current source");
    }

    @Test
    void anOpeningCanBeCancelledAndLeavesTheCurrentSource(FxRobot robot) throws Exception {
        Path first = tmp.resolve("first.duckdb");
        HostileSnapshot.write(first);
        Workspace before = open(robot, first);
        Path second = tmp.resolve("second.duckdb");
        HostileSnapshot.write(second);
        CompletableFuture<Workspace> f = onFx(robot, () -> {
            CompletableFuture<Workspace> opening = shell.openSnapshot(second);
            shell.model().tasks().cancelAll(); // the status bar's Cancel
            return opening;
        });
        try {
            f.get(60, TimeUnit.SECONDS);
        } catch (Exception cancelled) {
            // stopped during its check: fine, either way nothing may open
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(before, shell.model().workspace(), "the cancelled file is not opened");
        assertTrue(shell.controller().model().statusProperty().get().contains("cancelled"), shell.controller().model().statusProperty().get());
        assertTrue(robot.lookup("#sourceError").tryQuery().isEmpty(), "a cancel is not an error");
    }

    @Test
    void theOsMismatchColumnAndFilterOnTheDemo(FxRobot robot) throws Exception {
        open(robot, DemoSnapshots.defaultDemo());
        showView(robot, "Detections");
        FilteredTableModel<Detection> det = table(ViewId.DETECTIONS);
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT);
        long all = det.total();
        TableView<?> view = robot.lookup(".paged-table .table-view").queryAs(TableView.class);
        assertTrue(view.getColumns().stream().map(TableColumn::getText).anyMatch("OS mismatch"::equals));

        robot.clickOn("#osMismatchBox");
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT && det.total() < all);
        assertTrue(det.total() > 0);
        assertTrue(det.rows().stream().allMatch(d -> d.osMismatch().startsWith("UA claims ")), "only flagged clients");
        List<String> cells = robot.lookup(".table-cell").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .filter(t -> t != null && t.startsWith("UA claims ")).toList();
        assertFalse(cells.isEmpty(), "the column shows both sides on screen");

        // the drill-down's TCP panel flags the same client with both sides
        Detection flagged = det.rows().get(0);
        robot.interact(() -> shell.model().openIp(com.ja4.workstation.domain.ClientIp.parse(flagged.ip()).orElseThrow()));
        waitUntil(() -> robot.lookup("#osMismatchFlag").tryQuery().map(Node::isVisible).orElse(false));
        String flag = robot.lookup("#osMismatchFlag").queryAs(Label.class).getText();
        assertTrue(flag.contains("OS mismatch: UA claims "), flag);
        assertTrue(flag.contains(flagged.osMismatch().substring(0, flagged.osMismatch().indexOf(','))), flag + " vs " + flagged.osMismatch());
        showView(robot, "Detections");

        robot.clickOn("#osMismatchBox");
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT && det.total() == all);
        assertFalse(robot.lookup("#osMismatchBox").queryAs(CheckBox.class).isSelected());
    }

    // ---- helpers ----

    private Workspace open(FxRobot robot, Path file) throws Exception {
        Workspace ws = onFx(robot, () -> shell.openSnapshot(file)).get(2, TimeUnit.MINUTES);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> shell.model().workspace() == ws);
        return ws;
    }

    private static <T> T onFx(FxRobot robot, java.util.function.Supplier<T> work) {
        Object[] out = new Object[1];
        robot.interact(() -> out[0] = work.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private static Label provenanceLabel(FxRobot robot) {
        return robot.lookup(".provenance-indicator").queryAs(Label.class);
    }

    private static MenuItem trustItem(FxRobot robot) {
        for (Node n : robot.lookup(".menu-button").queryAll()) {
            if (n instanceof MenuButton mb) {
                for (MenuItem i : mb.getItems()) if ("Trust this key…".equals(i.getText())) return i;
            }
        }
        throw new AssertionError("no Trust this key… item");
    }

    private static void showView(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".rail-button").match(n -> ((ToggleButton) n).getText().contains(title)).queryAs(ToggleButton.class));
    }

    private <R> FilteredTableModel<R> table(ViewId id) throws Exception {
        waitUntil(() -> shell.controller().view(id) != null); // views load on first show
        return ((FilteredTableController) shell.controller().view(id).controller()).<R>table();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
