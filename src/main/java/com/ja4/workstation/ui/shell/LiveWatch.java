package com.ja4.workstation.ui.shell;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.watch.WatchDelta;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Auto-refresh on a live source (the live watch), without a widget: every 30 s, 1 min or 5 min the
 * window's end moves to now (the views reload), the detections that arrived since the previous
 * refresh are counted (the rail's badge) and marked (their rows in Detections, through
 * {@link AppModel#newDetectionsSinceProperty()}), and an IP that turned CRITICAL since then is
 * announced. A refresh waits while a query of the view in front is running or the analyst is
 * typing, and tries again shortly. Time and timer come from a {@link LiveScheduler}.
 */
public final class LiveWatch {

    /** The choices of the auto-refresh box. */
    public enum Interval {
        OFF(null, "Auto-refresh off"), S30(Duration.ofSeconds(30), "Every 30 s"), M1(Duration.ofMinutes(1), "Every 1 min"),
        M5(Duration.ofMinutes(5), "Every 5 min");

        private final Duration every;
        private final String label;

        Interval(Duration every, String label) {
            this.every = every;
            this.label = label;
        }

        public Duration every() {
            return every;
        }

        public String label() {
            return label;
        }
    }

    /** A new CRITICAL IP (or several) to announce. */
    public record Alert(String title, String text, List<String> ips) {
    }

    /** A keystroke in a text field this recently holds the refresh back. */
    public static final Duration TYPING_PAUSE = Duration.ofSeconds(5);
    /** A refresh held back is tried again after this. */
    public static final Duration RETRY = Duration.ofSeconds(5);

    private final AppModel app;
    private LiveScheduler scheduler;
    private final BooleanSupplier viewBusy;
    private Consumer<Alert> alerts;
    private final ObjectProperty<Interval> interval = new SimpleObjectProperty<>(Interval.OFF);
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper newCount = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private Set<String> critical;
    /** The window the previous refresh set: another one means the analyst moved it, and the next refresh starts over. */
    private TimeWindow lastSet;
    private Instant lastTyping = Instant.MIN;
    private Runnable cancelTimer = () -> { };
    private Task task;
    private CompletableFuture<WatchDelta> lastRefresh = CompletableFuture.completedFuture(null);

    /**
     * @param viewBusy true while a query of the view in front runs
     * @param alerts   where a new CRITICAL IP is announced (a desktop notification in the window)
     */
    public LiveWatch(AppModel app, LiveScheduler scheduler, BooleanSupplier viewBusy, Consumer<Alert> alerts) {
        this.app = app;
        this.scheduler = scheduler;
        this.viewBusy = viewBusy;
        this.alerts = alerts;
        interval.addListener((o, a, i) -> restart());
        app.workspaceProperty().addListener((o, a, ws) -> {
            available.set(ws != null && ws.session().isLive());
            if (!available.get()) interval.set(Interval.OFF);
            restart();
        });
    }

    /** Another clock and timer, and where new CRITICAL IPs are announced (tests: a clock they advance, a sink they read). */
    public void use(LiveScheduler scheduler, Consumer<Alert> alerts) {
        this.scheduler = scheduler;
        this.alerts = alerts;
        restart();
    }

    /** How often the window moves to now; OFF on a snapshot. */
    public ObjectProperty<Interval> intervalProperty() {
        return interval;
    }

    /** A live source is open: the auto-refresh box is offered. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Detections that arrived since the previous refresh (the badge on Detections' rail entry). */
    public ReadOnlyLongProperty newCountProperty() {
        return newCount.getReadOnlyProperty();
    }

    /** "Refreshed 12:04:30 UTC, next in 30 s", "Waiting: a query is running", "" when off. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The last refresh's queries (tests wait for them). */
    public CompletableFuture<WatchDelta> lastRefresh() {
        return lastRefresh;
    }

    /** A keystroke in a text field (search box, filter, window selector): refreshes wait a moment. */
    public void noteTyping() {
        lastTyping = scheduler.now();
    }

    private void restart() {
        cancelTimer.run();
        cancelTimer = () -> { };
        if (task != null) task.cancel();
        critical = null;
        lastSet = null;
        newCount.set(0);
        app.newDetectionsSinceProperty().set(null);
        if (interval.get() == Interval.OFF || !available.get()) {
            state.set("");
            return;
        }
        refresh(); // the first refresh sets the baseline: nothing is new yet
    }

    private void tick() {
        if (interval.get() == Interval.OFF || !available.get()) return;
        String wait = viewBusy.getAsBoolean() ? "a query of this view is running"
                : Duration.between(lastTyping, scheduler.now()).compareTo(TYPING_PAUSE) < 0 ? "you are typing" : null;
        if (wait != null) {
            state.set("Auto-refresh waits: " + wait);
            cancelTimer = scheduler.schedule(RETRY, this::tick);
            return;
        }
        refresh();
    }

    private void refresh() {
        Workspace ws = app.workspace();
        TimeWindow before = app.window();
        if (ws == null || before == null) return;
        Instant now = scheduler.now();
        TimeWindow after = before.withAsOf(now);
        // the analyst chose another window (an older as-of, another length) since: what is "new" starts from here
        if (!before.equals(lastSet)) critical = null;
        boolean baseline = critical == null;
        // marks first, so that Detections reloading with the new window shows the new rows marked
        app.newDetectionsSinceProperty().set(baseline ? null : before.asOf());
        app.windowProperty().set(after);
        lastSet = after;
        task = app.tasks().start("Auto-refresh: looking for new detections");
        CompletableFuture<WatchDelta> f = task.then(ws.watch().delta(before.asOf(), after, task.scope()), d -> found(d, baseline),
                err -> state.set("Auto-refresh failed: " + QueryScope.reason(err) + "; tried again in " + label(interval.get().every())));
        lastRefresh = f;
        state.set("Refreshed " + Fx.TIME.format(now) + " UTC, next in " + label(interval.get().every()));
        cancelTimer = scheduler.schedule(interval.get().every(), this::tick);
    }

    private void found(WatchDelta d, boolean baseline) {
        newCount.set(baseline ? 0 : d.newDetections());
        Set<String> fresh = new TreeSet<>(d.criticalIps());
        if (critical != null) fresh.removeAll(critical);
        boolean announce = critical != null && !fresh.isEmpty();
        critical = d.criticalIps();
        if (!announce) return;
        List<String> ips = List.copyOf(fresh);
        String text = ips.size() == 1 ? ips.get(0) + " has a CRITICAL detection (click to open it)"
                : ips.size() + " IPs have a first CRITICAL detection: " + String.join(", ", ips.subList(0, Math.min(5, ips.size())))
                        + (ips.size() > 5 ? ", …" : "");
        alerts.accept(new Alert(ips.size() == 1 ? "New CRITICAL IP" : ips.size() + " new CRITICAL IPs", text, ips));
    }

    private static String label(Duration d) {
        return d.toSeconds() < 60 ? d.toSeconds() + " s" : d.toMinutes() + " min";
    }
}
