package com.ja4.workstation.app;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.WindowLength;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SourceOpening;
import com.ja4.workstation.ui.render.ViewRenderer;
import com.ja4.workstation.ui.shell.ViewId;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** render --view NAME --out FILE.png: a view on a source, drawn headless, for reports. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a view to PNG without a display (demo data unless --source is given).")
public final class RenderCommand implements Callable<Integer> {

    @Option(names = "--view", required = true, description = "View: ${COMPLETION-CANDIDATES}", completionCandidates = ViewNames.class)
    String view;

    @Option(names = "--width", defaultValue = "1400", description = "Width in pixels (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "900", description = "Height in pixels (default ${DEFAULT-VALUE}); scrolling views grow to fit")
    int height;

    @Option(names = "--source", description = "Snapshot file (default: the demo snapshot)")
    Path source;

    @Option(names = "--window", defaultValue = "24h",
            description = "Window length up to the as-of time: a preset (1h, 6h, 24h, 3d, 7d, 30d) or any length from 5m to 365d"
                    + " such as 90m, 12h, 2d, 2w (default ${DEFAULT-VALUE})")
    String window;

    @Option(names = "--ip", description = "With --view ip: open this IP's tab (IPv4 or IPv6)")
    String ip;

    @Option(names = "--ja4", description = "With --view fingerprints: show this JA4's profile (Look up JA4)")
    String ja4;

    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        ViewId id = ViewId.fromCliName(view).orElse(null);
        if (id == null) {
            System.err.println("Unknown view '" + view + "'. Views: " + String.join(", ", new ViewNames()));
            return 2;
        }
        if (width < 200 || height < 200 || width > 8000 || height > 8000) {
            System.err.println("--width and --height must be between 200 and 8000");
            return 2;
        }
        WindowLength length = WindowLength.parse(window);
        if (!length.isValid()) {
            System.err.println("--window: " + length.problem());
            return 2;
        }
        com.ja4.workstation.domain.ClientIp client = null;
        if (ip != null) {
            client = com.ja4.workstation.domain.ClientIp.parse(ip).orElse(null);
            if (client == null) {
                System.err.println("--ip '" + ip + "' is not a valid IPv4 or IPv6 address");
                return 2;
            }
            if (id != ViewId.IP) {
                System.err.println("--ip applies to --view ip only");
                return 2;
            }
        }
        if (ja4 != null && (ja4.isBlank() || id != ViewId.FINGERPRINTS)) {
            System.err.println(ja4.isBlank() ? "--ja4 needs a value" : "--ja4 applies to --view fingerprints only");
            return 2;
        }
        ViewRenderer.Preset preset = new ViewRenderer.Preset(client, ja4);
        try (Workspace ws = source == null ? SourceOpening.openDemo() : SourceOpening.openSnapshot(source)) {
            long t0 = System.nanoTime();
            var r = ViewRenderer.render(id, ws, new TimeWindow(ws.session().latestAsOf(), length.length().orElseThrow()), width, height, out,
                    preset);
            System.out.printf("Rendered %s (%dx%d) to %s in %d ms%n", id.cliName(), r.width(), r.height(), r.file(),
                    (System.nanoTime() - t0) / 1_000_000);
            return 0;
        } catch (com.ja4.workstation.data.warehouse.WarehouseException e) {
            System.err.println("Cannot render: " + e.getMessage());
            return 1;
        } finally {
            ViewRenderer.shutdown();
        }
    }

    static final class ViewNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(ViewId.values()).map(ViewId::cliName).collect(Collectors.toList()).iterator();
        }
    }
}
