package com.ja4.workstation.ui.ip;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.feedback.Classification;
import com.ja4.workstation.domain.feedback.FeedbackEntry;
import com.ja4.workstation.domain.ip.FeatureWindow;
import com.ja4.workstation.domain.ip.RadarBaselines;
import com.ja4.workstation.domain.ip.Recurrence;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.HttpLog;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.feedback.FeedbackService;
import com.ja4.workstation.service.ip.IpAnalysis.TcpFinding;
import com.ja4.workstation.service.ip.IpDrillDownService;
import com.ja4.workstation.service.ip.RadarAxis;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.task.Task;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One IP of the drill-down (DESIGN 3.5), without a widget: each section in its own
 * {@link Loadable} (detections, scores, HTTP requests, feature windows, recurrence, TCP/OS, radar,
 * classification history), the feature window the radar shows, and the classification form with
 * its save. Every section loads on its own and fails on its own.
 */
public final class IpTabModel {

    /** The radar's data: the IP's feature windows (latest first) and the baselines of the window. */
    public record Radar(List<FeatureWindow> windows, RadarBaselines baselines) {
    }

    private final ClientIp ip;
    private final Supplier<Workspace> workspace;
    private final Supplier<TimeWindow> window;
    private final Supplier<Task> task;

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Loadable<List<Detection>> detections = new Loadable<>();
    private final Loadable<List<Score>> scores = new Loadable<>();
    private final Loadable<List<HttpLog>> http = new Loadable<>();
    private final Loadable<List<FeatureWindow>> featureWindows = new Loadable<>();
    private final Loadable<Optional<Recurrence>> recurrence = new Loadable<>();
    private final Loadable<List<TcpFinding>> tcp = new Loadable<>();
    private final Loadable<Radar> radar = new Loadable<>();
    private final Loadable<List<FeedbackEntry>> history = new Loadable<>();
    private final ObservableList<FeedbackEntry> historyRows = FXCollections.observableArrayList();

    private final ObservableList<FeatureWindow> radarWindows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RadarBaselines> baselines = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<FeatureWindow> selectedWindow = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<RadarAxis>> axes = new ReadOnlyObjectWrapper<>(List.of());

    private final StringProperty classification = new SimpleStringProperty("");
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty analyst = new SimpleStringProperty(FeedbackService.defaultAnalyst());
    private final ReadOnlyStringWrapper counter = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper counterOver = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper formStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper formError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);

    /** @param task the task of the drill-down's current load (the view's) */
    public IpTabModel(ClientIp ip, Supplier<Workspace> workspace, Supplier<TimeWindow> window, Supplier<Task> task) {
        this.ip = ip;
        this.workspace = workspace;
        this.window = window;
        this.task = task;
        comment.addListener((o, a, b) -> updateCounter());
        updateCounter();
        selectedWindow.addListener((o, a, w) -> redrawRadar());
    }

    public ClientIp ip() {
        return ip;
    }

    // ---- sections ---------------------------------------------------------------------------

    /** "Window … UTC (24 h)", and that HTTP logs hold IPv4 clients only for an IPv6 client. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public Loadable<List<Detection>> detections() {
        return detections;
    }

    public Loadable<List<Score>> scores() {
        return scores;
    }

    /** The latest {@link IpDrillDownService#HTTP_LIMIT} requests. */
    public Loadable<List<HttpLog>> http() {
        return http;
    }

    public Loadable<List<FeatureWindow>> featureWindows() {
        return featureWindows;
    }

    public Loadable<Optional<Recurrence>> recurrence() {
        return recurrence;
    }

    /** The client's SYN shapes, the dominant first, with their verdicts. */
    public Loadable<List<TcpFinding>> tcp() {
        return tcp;
    }

    public Loadable<Radar> radar() {
        return radar;
    }

    /** The classifications of this IP (written and pending), newest first. */
    public Loadable<List<FeedbackEntry>> history() {
        return history;
    }

    /** The history as shown (a saved classification is added on top without a reload). */
    public ObservableList<FeedbackEntry> historyRows() {
        return historyRows;
    }

    /** The feature windows the radar can show (latest first). */
    public ObservableList<FeatureWindow> radarWindows() {
        return radarWindows;
    }

    /** The feature window the radar shows (the latest by default). */
    public ObjectProperty<FeatureWindow> selectedWindowProperty() {
        return selectedWindow;
    }

    /** The human and datacenter/hosting baselines the radar compares with. */
    public ReadOnlyObjectProperty<RadarBaselines> baselinesProperty() {
        return baselines.getReadOnlyProperty();
    }

    /** The radar's axes for the selected window: raw values and the shared 0-1 scale. */
    public ReadOnlyObjectProperty<List<RadarAxis>> axesProperty() {
        return axes.getReadOnlyProperty();
    }

    /** (Re)loads every section for the current workspace and window. */
    public CompletableFuture<?> load() {
        Workspace ws = workspace.get();
        TimeWindow w = window.get();
        IpDrillDownService q = ws.ip();
        Task t = task.get();
        QueryScope scope = t.scope();
        summary.set("Window " + Fx.window(w) + (ip.v4() ? "" : "  ·  IPv6 client: HTTP logs hold IPv4 clients only"));
        CompletableFuture<List<FeatureWindow>> fw = q.featureWindows(ip, w, scope);
        CompletableFuture<Radar> both = fw.thenCombine(q.radarBaselines(w, scope), Radar::new);
        return CompletableFuture.allOf(
                t.track(detections.load(q.detections(ip, w, scope), r -> false, this::load)),
                t.track(scores.load(q.scores(ip, w, scope), r -> false, this::load)),
                t.track(http.load(q.httpLogs(ip, w, scope), r -> false, this::load)),
                t.track(recurrence.load(q.recurrence(ip, scope), Optional::isEmpty, this::load)),
                t.track(tcp.load(q.tcp(ip, w, scope), List::isEmpty, this::load)),
                t.track(featureWindows.load(fw, r -> false, this::load)),
                t.track(radar.load(both, r -> {
                    baselines.set(r.baselines());
                    radarWindows.setAll(r.windows());
                    selectedWindow.set(null);
                    selectedWindow.set(r.windows().isEmpty() ? null : r.windows().get(0)); // the latest window
                }, r -> r.windows().isEmpty(), r -> LoadPane.NO_DATA, this::load)),
                loadHistory());
    }

    private CompletableFuture<?> loadHistory() {
        Task t = task.get();
        return t.track(history.load(workspace.get().feedback().history(ip, t.scope()), historyRows::setAll, r -> false,
                r -> LoadPane.NO_DATA, this::loadHistory));
    }

    private void redrawRadar() {
        FeatureWindow w = selectedWindow.get();
        if (w == null || baselines.get() == null) return;
        axes.set(workspace.get().ip().radar(w, baselines.get()));
    }

    // ---- classification form ----------------------------------------------------------------

    /** The chosen verdict ("bot", "suspicious", "legitimate"; "" for none). */
    public StringProperty classificationProperty() {
        return classification;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty analystProperty() {
        return analyst;
    }

    /** "42 / 500". */
    public ReadOnlyStringProperty counterProperty() {
        return counter.getReadOnlyProperty();
    }

    /** The comment is longer than what is kept. */
    public ReadOnlyBooleanProperty counterOverProperty() {
        return counterOver.getReadOnlyProperty();
    }

    /** What the last save said ("Saved to soc_feedback.", the reason it was refused). */
    public ReadOnlyStringProperty formStatusProperty() {
        return formStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    private void updateCounter() {
        int n = comment.get() == null ? 0 : comment.get().length();
        counter.set(n + " / " + Classification.MAX_COMMENT);
        counterOver.set(n > Classification.MAX_COMMENT);
    }

    /** Saves the form; on failure the form stays filled and the reason shows next to Save. */
    public CompletableFuture<FeedbackEntry> save() {
        String cls = classification.get() == null ? "" : classification.get();
        String text = comment.get() == null ? "" : comment.get();
        String who = analyst.get();
        String problem = FeedbackService.problem(cls, text, who);
        if (problem != null) {
            status(problem, true);
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem));
        }
        if (saving.get()) return CompletableFuture.failedFuture(new IllegalStateException("already saving"));
        saving.set(true);
        status("Saving…", false);
        Task t = task.get();
        CompletableFuture<FeedbackEntry> f = t.track(workspace.get().feedback().classify(ip, cls, text, who, t.scope()));
        CompletableFuture<FeedbackEntry> shown = new CompletableFuture<>();
        f.whenComplete((entry, err) -> Platform.runLater(() -> {
            saving.set(false);
            if (err != null) {
                status("Not saved: " + QueryScope.reason(err) + " (your text is kept; try again)", true);
                shown.completeExceptionally(err);
                return;
            }
            comment.set("");
            classification.set("");
            status(entry.pending() ? "Saved to the local outbox: pending until a live ClickHouse is connected."
                    : "Saved to soc_feedback.", false);
            historyRows.add(0, entry);
            history.show(List.copyOf(historyRows));
            shown.complete(entry);
        }));
        return shown;
    }

    private void status(String text, boolean error) {
        formStatus.set(text);
        formError.set(error);
    }
}
