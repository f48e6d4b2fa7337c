package com.ja4.workstation.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.service.preferences.UserPreferences;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoFirst;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.testing.ShellStage;
import com.ja4.workstation.ui.analytics.HeatmapController;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.Palette;
import com.ja4.workstation.ui.common.Theme;
import com.ja4.workstation.ui.common.ThemeMode;
import com.ja4.workstation.ui.connection.ConnectionDialog;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The light/dark switch at run time: charts, canvases, views and dialogs already shown are restyled, and the choice is remembered. */
@ExtendWith({DemoFirst.class, ApplicationExtension.class})
class ThemeUiTest {

    @TempDir
    Path tmp;
    Shell shell;
    UserPreferences prefs;

    @Start
    void start(Stage stage) throws Exception {
        shell = ShellStage.show(stage, 1400, 900);
        prefs = new UserPreferences(Files.createTempDirectory("ja4-theme").resolve("preferences.properties"));
        shell.usePreferences(prefs);
        shell.use(SnapshotOpener.open(DemoSnapshots.defaultDemo()));
    }

    @AfterEach
    void backToLight(FxRobot robot) {
        robot.interact(() -> Theme.use(ThemeMode.LIGHT)); // the theme is the JVM's: leave it as the other tests expect
    }

    @Test
    void switchingRestylesTheChartsCanvasesViewsAndDialogsShownAndIsRemembered(FxRobot robot) throws Exception {
        waitUntil(() -> shell.controller().view(ViewId.OVERVIEW).controller().idle().isDone());
        JFreeChart timeline = robot.lookup(n -> n instanceof ChartViewer v && v.getChart().getPlot() instanceof XYPlot)
                .queryAs(ChartViewer.class).getChart();
        Region panel = robot.lookup(".panel").queryAs(Region.class);
        assertEquals(awt(Palette.LIGHT.chartBackground()), timeline.getBackgroundPaint());
        assertEquals(awt(Palette.LIGHT.accent()), timeline.getXYPlot().getRenderer().getSeriesPaint(0));
        assertEquals(javafx.scene.paint.Color.web("#ffffff"), background(panel));

        // Ctrl+Shift+D: dark, in place
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ThemeMode.DARK, Theme.mode());
        assertEquals(awt(Palette.DARK.chartBackground()), timeline.getBackgroundPaint(), "the chart shown is restyled");
        assertEquals(awt(Palette.DARK.chartBackground()), timeline.getPlot().getBackgroundPaint());
        assertEquals(awt(Palette.DARK.accent()), timeline.getXYPlot().getRenderer().getSeriesPaint(0), "its series keeps its role");
        assertEquals(awt(Palette.DARK.text()), timeline.getXYPlot().getRangeAxis().getTickLabelPaint());
        assertEquals(awt(Palette.DARK.grid()), timeline.getXYPlot().getRangeGridlinePaint());
        robot.interact(() -> panel.applyCss());
        assertEquals(javafx.scene.paint.Color.web("#161b22"), background(panel), "the view's panels are dark");
        assertTrue(shell.root().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("workstation-dark.css")));
        waitUntil(() -> prefs.get(AppearanceModel.THEME_KEY).isPresent());
        assertEquals("dark", prefs.get(AppearanceModel.THEME_KEY).orElseThrow(), "remembered");
        assertEquals(ThemeMode.DARK, AppearanceModel.remembered(prefs));

        // a canvas drawn before the switch (heatmap): redrawn in the other theme without reloading
        robot.clickOn(railButton(robot, ViewId.HEATMAP));
        HeatmapController heat = (HeatmapController) shell.controller().view(ViewId.HEATMAP).controller();
        waitUntil(() -> heat.pane().state() == LoadPane.State.CONTENT);
        assertEquals(javafx.scene.paint.Color.web(Palette.DARK.canvasBackground()), corner(robot, heat));
        robot.interact(() -> shell.controller().appearance().useTheme(ThemeMode.LIGHT));
        assertEquals(javafx.scene.paint.Color.web(Palette.LIGHT.canvasBackground()), corner(robot, heat));
        assertEquals(awt(Palette.LIGHT.chartBackground()), timeline.getBackgroundPaint(), "and back");
        assertFalse(shell.root().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("workstation-dark.css")));

        // a dialog opened in one theme follows a switch
        ConnectionDialog[] d = new ConnectionDialog[1];
        robot.interact(() -> d[0] = shell.showConnectDialog());
        Scene dialog = robot.lookup("#host").query().getScene();
        assertFalse(dialog.getStylesheets().stream().anyMatch(s -> s.endsWith("workstation-dark.css")));
        robot.interact(() -> shell.controller().appearance().useTheme(ThemeMode.DARK));
        assertTrue(dialog.getStylesheets().stream().anyMatch(s -> s.endsWith("workstation-dark.css")), "the open dialog is dark too");
        robot.interact(() -> ((Stage) dialog.getWindow()).close());
    }

    private static Color awt(String hex) {
        return Color.decode(hex);
    }

    private static javafx.scene.paint.Paint background(Region r) {
        return r.getBackground().getFills().get(r.getBackground().getFills().size() - 1).getFill();
    }

    /** The heatmap canvas's top-left pixel (its background). */
    private static javafx.scene.paint.Color corner(FxRobot robot, HeatmapController heat) {
        javafx.scene.paint.Color[] c = new javafx.scene.paint.Color[1];
        robot.interact(() -> {
            WritableImage img = heat.heatmap().canvas().snapshot(null, null);
            c[0] = img.getPixelReader().getColor(2, 2);
        });
        return c[0];
    }

    private static javafx.scene.control.ToggleButton railButton(FxRobot robot, ViewId id) {
        return robot.lookup(".rail-button").match(n -> ((javafx.scene.control.ToggleButton) n).getText().endsWith(id.title()))
                .queryAs(javafx.scene.control.ToggleButton.class);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
