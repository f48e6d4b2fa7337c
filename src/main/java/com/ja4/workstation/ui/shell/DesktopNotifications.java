package com.ja4.workstation.ui.shell;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.ui.common.Theme;
import com.ja4.workstation.ui.common.ThemeMode;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Announces the live watch's new CRITICAL IPs as desktop notifications (ControlsFX); a click opens the (first) IP. */
final class DesktopNotifications implements Consumer<LiveWatch.Alert> {

    /** A notification stays this long unless clicked or closed. */
    static final Duration SHOWN_FOR = Duration.seconds(20);

    private final Node owner;
    private final AppModel app;

    DesktopNotifications(Node owner, AppModel app) {
        this.owner = owner;
        this.app = app;
    }

    @Override
    public void accept(LiveWatch.Alert a) {
        if (owner.getScene() == null || owner.getScene().getWindow() == null || !owner.getScene().getWindow().isShowing()) return;
        Notifications n = Notifications.create().title(a.title()).text(a.text()).owner(owner.getScene().getWindow())
                .position(Pos.TOP_RIGHT).hideAfter(SHOWN_FOR)
                .onAction(e -> ClientIp.parse(a.ips().get(0)).ifPresent(app::openIp));
        if (Theme.mode() == ThemeMode.DARK) n.darkStyle();
        n.showError();
    }
}
