package com.ja4.workstation.ui.shell;

import javafx.scene.Parent;

/** A view's FXML root and its controller. */
public record LoadedView(Parent root, ViewController controller) {
}
