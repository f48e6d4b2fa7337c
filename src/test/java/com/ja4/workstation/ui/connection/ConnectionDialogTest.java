package com.ja4.workstation.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.profile.PasswordSource;
import com.ja4.workstation.service.profile.ProfileStore;
import com.ja4.workstation.testing.ChdbServer;
import com.ja4.workstation.ui.task.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConnectionDialogTest {

    ConnectionDialog dialog;
    ProfileStore store;
    final AtomicReference<Workspace> connected = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        store = new ProfileStore(Files.createTempDirectory("ja4-profiles").resolve("profiles.json"));
        dialog = new ConnectionDialog(store, new PasswordSource(Map.of()), connected::set, new Tasks());
        stage.setScene(new Scene(dialog.content()));
        stage.show();
    }

    private void waitForResult(FxRobot robot, String prefix) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dialog.result.getText().startsWith(prefix)
                || (!dialog.result.getText().endsWith("…") && !dialog.result.getText().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void testSaveAndConnect(FxRobot robot) throws Exception {
        ChdbServer server = ChdbServer.demo();
        robot.interact(() -> {
            dialog.name.setText("local");
            dialog.host.setText("127.0.0.1");
            dialog.port.setText(Integer.toString(server.port()));
            dialog.password.setText("wrong");
        });
        robot.clickOn("#test");
        waitForResult(robot, "Authentication failed");
        assertTrue(dialog.result.getText().startsWith("Authentication failed"), dialog.result.getText());

        robot.interact(() -> dialog.port.setText("not a port"));
        robot.clickOn("#test");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Port and timeouts must be whole numbers.", dialog.result.getText());

        robot.interact(() -> {
            dialog.port.setText(Integer.toString(server.port()));
            dialog.password.setText(ChdbServer.PASSWORD);
        });
        robot.clickOn("#test");
        waitForResult(robot, "Connected");
        assertTrue(dialog.result.getText().startsWith("Connected to ClickHouse " + server.version()), dialog.result.getText());

        robot.clickOn("#save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("local", store.list().get(0).name());
        assertTrue(!Files.readString(store.file()).contains(ChdbServer.PASSWORD));

        robot.clickOn("#connect");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> connected.get() != null);
        assertNotNull(connected.get());
        connected.get().close();
    }

    @SuppressWarnings("unused")
    private static Path unused() {
        return null;
    }
}
