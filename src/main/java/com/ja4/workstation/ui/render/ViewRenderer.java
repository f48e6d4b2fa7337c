package com.ja4.workstation.ui.render;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.ui.common.Theme;
import com.ja4.workstation.ui.shell.AppModel;
import com.ja4.workstation.ui.shell.LoadedView;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.ui.shell.ViewLoader;
import com.ja4.workstation.ui.shell.ViewRequest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Renders a view on a workspace to PNG without a display: the view loads exactly as in the
 * window (same controller, same queries), then its scene is snapshotted. A scrolling view is
 * rendered at its full height so nothing is cut off.
 */
public final class ViewRenderer {

    private ViewRenderer() {
    }

    public record Rendered(Path file, int width, int height) {
    }

    /**
     * What to show before the snapshot: an IP's tab in the IP drill-down, a JA4's profile in
     * Fingerprints (render --ip / --ja4); null for none.
     */
    public record Preset(ClientIp ip, String ja4) {
        public static final Preset NONE = new Preset(null, null);

        void applyTo(LoadedView v) {
            if (ip != null) v.controller().request(new ViewRequest.Ip(ip));
            if (ja4 != null) v.controller().request(new ViewRequest.Ja4(ja4));
        }
    }

    /** Renders a view with a preset (render command). */
    public static Rendered render(ViewId id, Workspace ws, TimeWindow window, int width, int height, Path out, Preset preset)
            throws IOException {
        return render(id, ws, window, width, height, out, preset::applyTo);
    }

    /** Stops the JavaFX toolkit a headless command started. */
    public static void shutdown() {
        javafx.application.Platform.exit();
    }

    public static Rendered render(ViewId id, Workspace ws, TimeWindow window, int width, int height, Path out) throws IOException {
        return render(id, ws, window, width, height, out, v -> { });
    }

    /** {@code prepare} runs on the FX thread after loading the view (e.g. open a tab, pick a cluster). */
    public static Rendered render(ViewId id, Workspace ws, TimeWindow window, int width, int height, Path out,
                                  Consumer<LoadedView> prepare) throws IOException {
        HeadlessFx.start();
        AppModel model = new AppModel();
        LoadedView view = HeadlessFx.onFx(() -> {
            model.workspaceProperty().set(ws);
            model.windowProperty().set(window);
            LoadedView v = ViewLoader.load(id, model);
            Scene scene = new Scene(v.root(), width, height);
            Theme.style(scene);
            v.controller().activate();
            prepare.accept(v);
            return v;
        });
        awaitIdle(view);
        WritableImage image = HeadlessFx.onFx(() -> snapshot(view, width, height));
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Path abs = out.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        if (!ImageIO.write(png, "png", abs.toFile())) throw new IOException("no PNG writer available");
        HeadlessFx.onFx(() -> {
            view.controller().deactivate();
            return null;
        });
        return new Rendered(abs, png.getWidth(), png.getHeight());
    }

    /** Waits for the view's queries, then for the FX thread to apply their results. */
    static void awaitIdle(LoadedView view) {
        for (int round = 0; round < 3; round++) {
            try {
                view.controller().idle().get(5, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException("view did not finish loading: " + e.getMessage(), e);
            }
            HeadlessFx.onFx(() -> null);
        }
    }

    private static WritableImage snapshot(LoadedView view, int width, int height) {
        Scene scene = view.root().getScene();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        if (view.root() instanceof ScrollPane sp && sp.getContent() != null) {
            Node content = sp.getContent();
            double full = Math.max(height, content.prefHeight(width));
            Scene tall = new Scene(new javafx.scene.layout.StackPane(), width, full);
            sp.setContent(null);
            javafx.scene.layout.StackPane holder = (javafx.scene.layout.StackPane) tall.getRoot();
            holder.getChildren().add(content);
            holder.getStyleClass().add("view");
            Theme.style(tall);
            holder.applyCss();
            holder.layout();
            return tall.snapshot(null);
        }
        ScrollPane inner = viewScroll(view.root());
        if (inner != null && inner.getContent() != null) {
            // a fixed head above a scrolling body (Fingerprints): give the body room for all its content
            Node root = view.root();
            double extra = 0;
            Scene current = scene;
            for (int round = 0; round < 3; round++) {
                double more = inner.getContent().getLayoutBounds().getHeight() - inner.getViewportBounds().getHeight();
                if (more <= 0.5) break;
                extra += Math.ceil(more);
                current.setRoot(new javafx.scene.layout.StackPane());
                current = new Scene((javafx.scene.Parent) root, width, height + extra);
                Theme.style(current);
                root.applyCss();
                ((javafx.scene.Parent) root).layout();
            }
            return current.snapshot(null);
        }
        return scene.snapshot(null);
    }

    /** The view's scrolling body (style class view-scroll) below a fixed head, if it has one. */
    private static ScrollPane viewScroll(Node n) {
        if (n instanceof ScrollPane sp && sp.getStyleClass().contains("view-scroll")) return sp;
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                ScrollPane found = viewScroll(c);
                if (found != null) return found;
            }
        }
        return null;
    }
}
