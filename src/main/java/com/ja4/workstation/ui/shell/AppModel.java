package com.ja4.workstation.ui.shell;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.ui.task.Tasks;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State shared by the shell and the views: the opened source, the global time window, the
 * background tasks and navigation between views.
 */
public final class AppModel {

    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>();
    private final Tasks tasks = new Tasks();
    /** Shows a view with a request; the shell's navigator (a view rendered alone has none: nothing happens). */
    private BiConsumer<ViewId, ViewRequest> navigator = (id, r) -> { };

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public Workspace workspace() {
        return workspace.get();
    }

    public ObjectProperty<TimeWindow> windowProperty() {
        return window;
    }

    public TimeWindow window() {
        return window.get();
    }

    public Tasks tasks() {
        return tasks;
    }

    /** Opens the Detections view filtered on the given values. */
    public void openDetections(TableFilter filter) {
        navigator.accept(ViewId.DETECTIONS, new ViewRequest.Filter(filter));
    }

    /** Opens the Scores view filtered on the given values. */
    public void openScores(TableFilter filter) {
        navigator.accept(ViewId.SCORES, new ViewRequest.Filter(filter));
    }

    /** Opens (or brings forward) the IP drill-down tab of this client. */
    public void openIp(ClientIp ip) {
        navigator.accept(ViewId.IP, new ViewRequest.Ip(ip));
    }

    /** Opens the Fingerprints view with this JA4's profile ("Look up JA4"). */
    public void lookUpJa4(String ja4) {
        if (ja4 != null && !ja4.isBlank()) navigator.accept(ViewId.FINGERPRINTS, new ViewRequest.Ja4(ja4.strip()));
    }

    /** Who shows views on request: the shell's navigator. */
    void setNavigator(BiConsumer<ViewId, ViewRequest> navigator) {
        this.navigator = navigator;
    }
}
