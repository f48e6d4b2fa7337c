package com.ja4.workstation.ui;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.render.ViewRenderer;
import com.ja4.workstation.ui.shell.ViewId;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every view renders headless to a PNG with real content (not a blank or single-colour image). */
class RenderTest {

    @TempDir
    static Path tmp;

    @ParameterizedTest
    @EnumSource(ViewId.class)
    void viewRendersToPng(ViewId id) throws Exception {
        try (Workspace ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            Path out = tmp.resolve(id.cliName() + ".png");
            var r = ViewRenderer.render(id, ws, new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24)), 1400, 900, out);
            BufferedImage img = ImageIO.read(out.toFile());
            assertEquals(1400, img.getWidth());
            assertTrue(img.getHeight() >= 900);
            assertEquals(r.height(), img.getHeight());
            assertTrue(distinctColours(img) > 50, "picture has content");
        }
    }

    static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        return colours.size();
    }
}
