package com.ja4.workstation.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The look: AtlantaFX Primer Light or Primer Dark as the base, our stylesheet on top
 * ({@code css/workstation.css}, whose looked-up colours {@code css/workstation-dark.css} redefines
 * for the dark theme), and the {@link Palette} of what is drawn in code. Switching re-styles every
 * open window (dialogs and popups included), every chart ({@link ChartTheme}) and every canvas
 * (they listen to {@link #modeProperty()}) in place: no restart.
 */
public final class Theme {

    private static final String BASE = Theme.class.getResource("/css/workstation.css").toExternalForm();
    private static final String DARK = Theme.class.getResource("/css/workstation-dark.css").toExternalForm();
    private static final ReadOnlyObjectWrapper<ThemeMode> MODE = new ReadOnlyObjectWrapper<>(ThemeMode.LIGHT);

    private Theme() {
    }

    /** The theme in use; canvases listen to it (weakly) to redraw. Changed on the JavaFX thread only. */
    public static ReadOnlyObjectProperty<ThemeMode> modeProperty() {
        return MODE.getReadOnlyProperty();
    }

    public static ThemeMode mode() {
        return MODE.get();
    }

    /** The colours drawn in code in the theme in use. */
    public static Palette palette() {
        return Palette.of(MODE.get());
    }

    public static void applyUserAgent() {
        Application.setUserAgentStylesheet(MODE.get() == ThemeMode.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** Our stylesheets on a scene (the main window, a dialog, a popup), in the theme in use. */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(BASE)) scene.getStylesheets().add(BASE);
        scene.getStylesheets().remove(DARK);
        if (MODE.get() == ThemeMode.DARK) scene.getStylesheets().add(DARK);
    }

    /** Switches the theme of everything shown (JavaFX thread, or before the toolkit draws anything). */
    public static void use(ThemeMode mode) {
        if (mode == MODE.get()) return;
        Palette before = palette();
        MODE.set(mode);
        applyUserAgent();
        for (Window w : Window.getWindows()) {
            Scene s = w.getScene();
            if (s != null && s.getStylesheets().contains(BASE)) style(s);
        }
        ChartTheme.restyleAll(before, palette());
    }

    /** Inline style of a badge on a data colour (a cluster's risk): the text black or white, whichever reads. */
    public static String badgeStyle(String background) {
        return "-fx-background-color: " + background + "; -fx-text-fill: " + Palette.textOn(background) + ";";
    }

    /** A JavaFX colour of the palette ("#rrggbb"). */
    public static javafx.scene.paint.Color fx(String hex) {
        return javafx.scene.paint.Color.web(hex);
    }

    /** A JavaFX colour of the palette with an opacity. */
    public static javafx.scene.paint.Color fx(String hex, double opacity) {
        return javafx.scene.paint.Color.web(hex, opacity);
    }
}
