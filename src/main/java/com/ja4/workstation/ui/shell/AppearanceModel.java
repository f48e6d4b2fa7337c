package com.ja4.workstation.ui.shell;

import com.ja4.workstation.service.preferences.UserPreferences;
import com.ja4.workstation.ui.common.Theme;
import com.ja4.workstation.ui.common.ThemeMode;
import com.ja4.workstation.ui.task.Tasks;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The light/dark switch: applies a theme to everything shown ({@link Theme#use}) and remembers it
 * in the user's preferences (written in the background), so the next start and {@code render}
 * use it.
 */
public final class AppearanceModel {

    /** The preferences key of the theme ("light" or "dark"). */
    public static final String THEME_KEY = "theme";

    private final Tasks tasks;
    private Supplier<UserPreferences> preferences = UserPreferences::inDataDir;

    AppearanceModel(Tasks tasks) {
        this.tasks = tasks;
    }

    /** The remembered theme, light when none is remembered (or the file says something else). */
    public static ThemeMode remembered(UserPreferences prefs) {
        return prefs.get(THEME_KEY).flatMap(ThemeMode::parse).orElse(ThemeMode.LIGHT);
    }

    /** Tests: where the theme is remembered (instead of the data folder). */
    void usePreferences(UserPreferences prefs) {
        this.preferences = () -> prefs;
    }

    public ReadOnlyObjectProperty<ThemeMode> themeProperty() {
        return Theme.modeProperty();
    }

    /** Light to dark or back. */
    public CompletableFuture<Boolean> toggleTheme() {
        return useTheme(Theme.mode().other());
    }

    /** Applies the theme now (every window, chart and canvas) and remembers it; the future says whether it was written. */
    public CompletableFuture<Boolean> useTheme(ThemeMode mode) {
        Theme.use(mode);
        Supplier<UserPreferences> prefs = preferences;
        return tasks.start("Remembering the " + mode.cliName() + " theme").run(() -> prefs.get().put(THEME_KEY, mode.cliName()));
    }

    /** What the switch offers: the other theme. */
    public static String switchLabel(ThemeMode current) {
        return current == ThemeMode.DARK ? "Light theme" : "Dark theme";
    }
}
