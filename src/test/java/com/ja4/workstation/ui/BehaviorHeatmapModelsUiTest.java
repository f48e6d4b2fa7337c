package com.ja4.workstation.ui;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.demo.DemoModels;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.BehaviorFeature;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.analytics.ModelCatalog;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.analytics.BehaviorController;
import com.ja4.workstation.ui.analytics.HeatmapController;
import com.ja4.workstation.ui.analytics.ModelsController;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Behavior, Heatmap and Models opened from the rail on the demo snapshot, then on an empty window. */
@ExtendWith(ApplicationExtension.class)
class BehaviorHeatmapModelsUiTest {

    Shell shell;
    Workspace demo;
    Path models;
    String modelsBefore;

    @Start
    void start(Stage stage) throws Exception {
        models = Files.createTempDirectory("ja4-models-");
        DemoModels.writeTo(models);
        Files.writeString(models.resolve("zz_broken.json"), "{ nope");
        modelsBefore = System.getProperty(ModelCatalog.FOLDER_PROPERTY);
        System.setProperty(ModelCatalog.FOLDER_PROPERTY, models.toString());
        shell = com.ja4.workstation.testing.ShellStage.show(stage, 1260, 780); // inside the 1280x800 headless screen
        demo = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        shell.use(demo);
    }

    @AfterEach
    void restore() {
        if (modelsBefore == null) System.clearProperty(ModelCatalog.FOLDER_PROPERTY);
        else System.setProperty(ModelCatalog.FOLDER_PROPERTY, modelsBefore);
    }

    @Test
    void behaviorPlotsSessionsAndHistogramsAndAClickOpensTheIp(FxRobot robot) throws Exception {
        BehaviorController b = open(robot, ViewId.BEHAVIOR, BehaviorController.class);
        waitUntil(() -> b.scatterPane().state() == LoadPane.State.CONTENT
                && b.histogramPanes().values().stream().allMatch(p -> p.state() == LoadPane.State.CONTENT));
        assertTrue(b.points().size() >= 500);
        assertEquals(b.points().size(), b.plottedItems());
        assertTrue(b.points().stream().anyMatch(p -> p.isNamedBot()), "named bots are added to the sample");
        for (BehaviorFeature f : BehaviorFeature.HISTOGRAM) {
            var d = b.histogramData(f);
            double sum = 0;
            for (int i = 0; i < d.getItemCount(0); i++) sum += d.getYValue(0, i);
            assertTrue(sum > 0, f + " histogram holds data");
            assertTrue(d.getItemCount(0) <= 22, f + " has a readable number of bars");
        }
        // Log scale: count axes become logarithmic, empty bins are not drawn, the other bins keep their counts;
        // unticking restores the linear axes and the zeros
        BehaviorFeature skewed = BehaviorFeature.HISTOGRAM.get(0);
        double[] linear = new double[b.histogramData(skewed).getItemCount(0)];
        for (int i = 0; i < linear.length; i++) linear[i] = b.histogramData(skewed).getYValue(0, i);
        robot.interact(() -> b.logScaleBox().fire());
        for (BehaviorFeature f : BehaviorFeature.HISTOGRAM) {
            assertTrue(b.histogramChart(f).getXYPlot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis, f + " log axis");
        }
        for (int i = 0; i < linear.length; i++) {
            double y = b.histogramData(skewed).getYValue(0, i);
            if (linear[i] == 0) assertTrue(Double.isNaN(y), "empty bin not drawn on a log axis");
            else assertEquals(linear[i], y);
        }
        robot.interact(() -> b.logScaleBox().fire());
        assertTrue(b.histogramChart(skewed).getXYPlot().getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis);
        for (int i = 0; i < linear.length; i++) assertEquals(linear[i], b.histogramData(skewed).getYValue(0, i));

        // switching an axis re-plots from the loaded points, without a query
        robot.interact(() -> b.xBox().setValue(BehaviorFeature.FUZZING_INDEX));
        assertEquals(BehaviorFeature.FUZZING_INDEX.label(), b.scatterChart().getXYPlot().getDomainAxis().getLabel());
        assertEquals(b.points().size(), b.plottedItems());

        // click the first point drawn: its IP opens in the drill-down
        ChartViewer viewer = robot.lookup(n -> n instanceof ChartViewer cv && cv.getChart() == b.scatterChart()).query();
        WaitForAsyncUtils.waitForFxEvents();
        // a point whose centre is not covered by another point drawn on top of it (the viewer picks the topmost)
        var entities = viewer.getCanvas().getRenderingInfo().getEntityCollection();
        XYItemEntity item = null;
        for (Object e : entities.getEntities()) {
            if (e instanceof XYItemEntity xy) {
                var box = xy.getArea().getBounds2D();
                if (entities.getEntity(box.getCenterX(), box.getCenterY()) == xy) {
                    item = xy;
                    break;
                }
            }
        }
        assertNotNull(item, "points are drawn with entities (tooltips, clicks)");
        var r = item.getArea().getBounds2D();
        Point2D screen = viewer.getCanvas().localToScreen(r.getCenterX(), r.getCenterY());
        String tip = item.getToolTipText();
        assertNotNull(tip);
        String ip = tip.split("[\\s\\n]")[0];
        robot.clickOn(screen);
        waitUntil(() -> shell.controller().currentView() == ViewId.IP);
        var ipView = (com.ja4.workstation.ui.ip.IpController) shell.controller().view(ViewId.IP).controller();
        assertEquals(ip, ipView.selected().orElseThrow().ip().display());
    }

    @Test
    void heatmapShowsTheWeekAndReadsOutTheHoveredCell(FxRobot robot) throws Exception {
        HeatmapController h = open(robot, ViewId.HEATMAP, HeatmapController.class);
        waitUntil(() -> h.pane().state() == LoadPane.State.CONTENT);
        long[][] c = h.grid().counts();
        int day = -1, hour = -1;
        for (int d = 0; d < 7 && day < 0; d++) for (int hr = 0; hr < 24; hr++) if (c[d][hr] > 0) { day = d; hour = hr; break; }
        assertTrue(day >= 0, "the demo's day has traffic");
        double[] centre = h.heatmap().centreOf(day, hour);
        robot.moveTo(h.heatmap().canvas().localToScreen(centre[0], centre[1]));
        WaitForAsyncUtils.waitForFxEvents();
        String text = h.heatmap().hoverTextProperty().get();
        assertTrue(text.contains(com.ja4.workstation.ui.common.Fx.count(c[day][hour]) + " requests"), text);
        assertTrue(text.startsWith(new String[] {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}[day]), text);
        Path png = Files.createTempFile("heatmap", ".png");
        robot.interact(() -> {
            try {
                h.writePng(png.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 600);
    }

    @Test
    void modelsListsEveryFileWithScoringAndTheMalformedOneWithItsError(FxRobot robot) throws Exception {
        ModelsController m = open(robot, ViewId.MODELS, ModelsController.class);
        waitUntil(() -> m.tablePane().state() == LoadPane.State.CONTENT && m.scoringPane().state() == LoadPane.State.CONTENT);
        var rows = m.table().getItems();
        assertEquals(java.util.List.of("autoencoder_v1", "iforest_v3", "xgb_hybrid_v2", "zz_broken"), rows.stream().map(r -> r.name()).toList());
        assertTrue(rows.subList(0, 3).stream().allMatch(r -> r.scored() > 0 && r.file().orElseThrow().ok()));
        assertTrue(rows.get(3).file().orElseThrow().error().isPresent());
        robot.interact(() -> m.table().getSelectionModel().select(3));
        assertTrue(m.details().getItems().stream().anyMatch(e -> e.getKey().equals("error")));
        robot.interact(() -> m.table().getSelectionModel().select(1));
        assertTrue(m.details().getItems().stream().anyMatch(e -> e.getKey().equals("hyperparameters.n_estimators")),
                "fields without a column are shown in the details");
    }

    @Test
    void aWindowBeforeTheDataShowsTheEmptyStateNotAnError(FxRobot robot) throws Exception {
        robot.interact(() -> shell.model().windowProperty().set(new TimeWindow(demo.session().latestAsOf().minus(Duration.ofDays(30)), Duration.ofHours(24))));
        BehaviorController b = open(robot, ViewId.BEHAVIOR, BehaviorController.class);
        waitUntil(() -> b.scatterPane().state() == LoadPane.State.EMPTY
                && b.histogramPanes().values().stream().allMatch(p -> p.state() == LoadPane.State.EMPTY));
        assertEquals("No data in this window", b.scatterPane().message());
        HeatmapController h = open(robot, ViewId.HEATMAP, HeatmapController.class);
        waitUntil(() -> h.pane().state() == LoadPane.State.EMPTY);
        ModelsController m = open(robot, ViewId.MODELS, ModelsController.class);
        waitUntil(() -> m.scoringPane().state() == LoadPane.State.EMPTY && m.tablePane().state() == LoadPane.State.CONTENT);
        assertTrue(m.table().getItems().stream().allMatch(r -> r.scored() == 0), "files still listed, nothing scored");
    }

    private <T> T open(FxRobot robot, ViewId id, Class<T> type) {
        robot.clickOn(robot.lookup(".rail-button").match(n -> ((ToggleButton) n).getText().contains(id.title())).queryAs(ToggleButton.class));
        WaitForAsyncUtils.waitForFxEvents();
        return type.cast(shell.controller().view(id).controller());
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
