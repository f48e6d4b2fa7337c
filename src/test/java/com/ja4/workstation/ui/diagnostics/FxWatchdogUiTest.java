package com.ja4.workstation.ui.diagnostics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.service.diagnostics.Stall;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.testing.HostileSnapshot;
import com.ja4.workstation.testing.ShellStage;
import com.ja4.workstation.ui.shell.LoadedView;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every view opened in turn on the x10 demo (about 20,000 IPs, 2 million HTTP log rows), and on the
 * hostile-text snapshot, with the JavaFX watchdog on: no view may stall the JavaFX thread for more than
 * {@value FxWatchdog#LIMIT_MILLIS} ms of its own work once start-up is over (a stall in which the
 * thread only waited for CPU or for the collector is not the view's doing: {@link Stall#busyMillis()}).
 * Prints the worst stall of each view.
 */
@ExtendWith(ApplicationExtension.class)
class FxWatchdogUiTest {

    private Shell shell;
    private FxWatchdog watchdog;
    private Workspace workspace;

    @Start
    void start(Stage stage) {
        watchdog = FxWatchdog.start();
        shell = ShellStage.show(stage, 1400, 900);
    }

    @AfterEach
    void close() {
        FxWatchdog.startupBegins(); // the next test's window starts up
        if (workspace != null) workspace.close();
    }

    @Test
    void noViewStallsTheJavaFxThreadOnTheTenfoldDemo(FxRobot robot) throws Exception {
        long t0 = System.nanoTime();
        Path demo = DemoSnapshots.scaledDemo(10);
        long generated = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // the drill-down of the most detected IP: eight queries, tables, radar
        tour(robot, demo, String.format("the x10 demo (generated in %d ms)", generated), ws -> ws.overview()
                .topIps(shell.model().window(), com.ja4.workstation.domain.overview.TopIpRanking.DETECTIONS, QueryScope.sequential())
                .join().get(0).ip());
    }

    /**
     * The same on the hostile-text snapshot: 100 KB values with a right-to-left override, bidi
     * isolates, NUL and emoji in every text column, shaped by the tables, charts, tooltips and the
     * IP drill-down (of the client whose HTTP-log path is the 100 KB value).
     */
    @Test
    void noViewStallsTheJavaFxThreadOnHostileText(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("hostile.duckdb");
        HostileSnapshot.write(file);
        int pathColumn = WarehouseSchema.HTTP_LOGS_TABLE.columnNames().indexOf("path");
        int row = Math.floorMod(HostileSnapshot.TEXTS.indexOf(HostileSnapshot.LONG) - pathColumn, HostileSnapshot.rows());
        tour(robot, file, "the hostile-text snapshot", ws -> HostileSnapshot.ipv4(row));
    }

    /** Opens {@code snapshot}, visits every view, prints the worst stall of each and fails on one over the limit twice. */
    private void tour(FxRobot robot, Path snapshot, String what, Function<Workspace, String> drillDownIp) throws Exception {
        workspace = SnapshotOpener.open(snapshot);
        robot.interact(() -> shell.use(workspace));
        awaitIdle(robot, ViewId.OVERVIEW);
        FxWatchdog.startupDone();

        Map<ViewId, List<Stall>> first = new LinkedHashMap<>();
        Map<ViewId, List<Stall>> retry = new LinkedHashMap<>();
        long t1 = System.nanoTime();
        for (ViewId id : ViewId.values()) {
            first.put(id, visit(robot, id, true, drillDownIp));
            // a stall over the limit on the first visit may be the JVM's cold start (classes loaded, code
            // interpreted): the view is loaded once more, and fails only if it stalls again
            if (first.get(id).stream().anyMatch(s -> s.exceeds(FxWatchdog.LIMIT_MILLIS))) retry.put(id, visit(robot, id, false, drillDownIp));
        }
        long viewsMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);

        StringBuilder report = new StringBuilder(String.format("JavaFX watchdog on %s, views opened in %d ms%n", what, viewsMillis));
        report.append(String.format("%-13s %6s %9s %8s  %-9s  %s%n", "view", "stalls", "worst ms", "busy ms", "retry", "where (worst stall)"));
        List<Stall> over = new ArrayList<>();
        first.forEach((id, stalls) -> {
            Stall worst = Stall.worstPerContext(stalls).get(id.cliName());
            String again = !retry.containsKey(id) ? "-" : retry.get(id).stream().mapToLong(Stall::busyMillis).max().orElse(0) + " ms";
            report.append(worst == null ? String.format("%-13s %6d %9s %8s  %-9s%n", id.cliName(), 0, "-", "-", again)
                    : String.format("%-13s %6d %9d %8d  %-9s  %s%n", id.cliName(), stalls.size(), worst.millis(), worst.busyMillis(), again,
                    worst.breakdown(3)));
        });
        retry.values().forEach(stalls -> stalls.stream().filter(s -> s.exceeds(FxWatchdog.LIMIT_MILLIS)).forEach(over::add));
        System.out.print(report);
        assertTrue(over.isEmpty(), () -> "The JavaFX thread stalled for more than " + FxWatchdog.LIMIT_MILLIS + " ms of its own work, twice:\n"
                + over.stream().map(s -> s.summary() + "\n" + s.stackText(25)).collect(Collectors.joining("\n")) + "\n" + report);
    }

    @Test
    void aStallOnTheJavaFxThreadIsRecordedWithWhereItHappened(FxRobot robot) {
        FxWatchdog.startupDone();
        FxWatchdog.viewShown("test");
        watchdog.clear();
        robot.interact(FxWatchdogUiTest::busyFor300Ms);
        WaitForAsyncUtils.waitForFxEvents();
        List<Stall> stalls = watchdog.stalls();
        Stall worst = Stall.worstPerContext(stalls).get("test");
        assertTrue(worst != null && worst.millis() >= 250 && worst.exceeds(FxWatchdog.LIMIT_MILLIS), () -> "caught: " + stalls);
        assertTrue(worst.where().startsWith("FxWatchdogUiTest.busyFor300Ms"), worst::summary);
    }

    /** 300 ms of CPU on the JavaFX thread (however loaded the machine), as a view that computes where it should not. */
    private static void busyFor300Ms() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(300);
        double x = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) x += Math.sqrt(x + i);
        }
        if (x < 0) throw new AssertionError();
    }

    /** Shows the view (the first time) or reloads it (a retry), waits until it is drawn; the stalls meanwhile. */
    private List<Stall> visit(FxRobot robot, ViewId id, boolean firstTime, Function<Workspace, String> drillDownIp) throws Exception {
        watchdog.clear();
        if (id == ViewId.OVERVIEW || !firstTime) {
            robot.interact(() -> shell.controller().view(id).controller().activate()); // a reload, as after a window change
        } else {
            robot.interact(() -> shell.controller().show(id));
        }
        awaitIdle(robot, id);
        if (id == ViewId.IP && firstTime) {
            String ip = drillDownIp.apply(workspace);
            robot.interact(() -> shell.model().openIp(ClientIp.parse(ip).orElseThrow()));
            awaitIdle(robot, id);
        }
        return watchdog.stalls();
    }

    /** The view's queries done, their results applied on the FX thread, and a few frames drawn. */
    private void awaitIdle(FxRobot robot, ViewId id) throws Exception {
        LoadedView v = shell.controller().view(id);
        if (v != null) v.controller().idle().get(5, TimeUnit.MINUTES);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(250); // layout and paint of what just arrived
        WaitForAsyncUtils.waitForFxEvents();
        if (v != null) v.controller().idle().get(5, TimeUnit.MINUTES); // follow-up loads (a tab, a page)
        WaitForAsyncUtils.waitForFxEvents();
    }
}
