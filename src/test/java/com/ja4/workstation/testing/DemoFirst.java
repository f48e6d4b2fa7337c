package com.ja4.workstation.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes the demo snapshot before a window test's {@code @Start}, off the JavaFX thread: list it
 * before TestFX's extension, {@code @ExtendWith({DemoFirst.class, ApplicationExtension.class})}.
 * Generating it inside {@code @Start} would hold the JavaFX thread and eat TestFX's set-up time.
 */
public final class DemoFirst implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        DemoSnapshots.defaultDemo();
    }
}
