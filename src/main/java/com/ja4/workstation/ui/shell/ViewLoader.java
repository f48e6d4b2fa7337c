package com.ja4.workstation.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML and hands its controller the shared model. */
public final class ViewLoader {
    private ViewLoader() {
    }

    public static LoadedView load(ViewId id, AppModel model) {
        FXMLLoader loader = new FXMLLoader(ViewLoader.class.getResource(id.fxml()));
        try {
            Parent root = loader.load();
            ViewController c = loader.getController();
            c.init(model, id);
            return new LoadedView(root, c);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + id + " from " + id.fxml(), e);
        }
    }
}
