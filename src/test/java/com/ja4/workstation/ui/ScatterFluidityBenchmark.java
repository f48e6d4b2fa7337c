package com.ja4.workstation.ui;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.BehaviorFeature;
import com.ja4.workstation.domain.analytics.SessionPoint;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.analytics.BehaviorService;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.common.Charts;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long one redraw of the Behavior scatter takes (what a hover, zoom or axis change costs):
 * the chart drawn at view size with entity collection on, as ChartViewer does.
 * Run: mvn -o -B test -Pbench -Dtest=ScatterFluidityBenchmark
 */
@Tag("bench")
class ScatterFluidityBenchmark {

    @Test
    void redrawTimePerSampleSize() throws Exception {
        try (Workspace ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            TimeWindow w = new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
            for (int n : BehaviorService.SAMPLE_SIZES) {
                long q0 = System.nanoTime();
                List<SessionPoint> pts = ws.behavior().scatter(w, n, true, QueryScope.parallel()).join();
                long queryMs = (System.nanoTime() - q0) / 1_000_000;
                DefaultXYDataset data = new DefaultXYDataset();
                double[][] xy = new double[2][pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    xy[0][i] = pts.get(i).value(BehaviorFeature.HIT_VELOCITY);
                    xy[1][i] = pts.get(i).value(BehaviorFeature.PATH_DIVERSITY_RATIO);
                }
                data.addSeries("all", xy);
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
                r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
                r.setDefaultToolTipGenerator((d, s, i) -> pts.get(i).ip());
                JFreeChart chart = Charts.scatter(data, "x", "y", r);
                BufferedImage img = new BufferedImage(1300, 470, BufferedImage.TYPE_INT_ARGB);
                long best = Long.MAX_VALUE, total = 0;
                int rounds = 30, warm = 15;
                for (int k = 0; k < rounds + warm; k++) {
                    Graphics2D g = img.createGraphics();
                    long t0 = System.nanoTime();
                    chart.draw(g, new Rectangle2D.Double(0, 0, 1300, 470), new ChartRenderingInfo());
                    long t = System.nanoTime() - t0;
                    g.dispose();
                    if (k >= warm) {
                        total += t;
                        best = Math.min(best, t);
                    }
                }
                for (boolean aa : new boolean[] {true, false}) {
                chart.setAntiAlias(aa);
                total = 0;
                best = Long.MAX_VALUE;
                for (int k = 0; k < rounds + warm; k++) {
                    Graphics2D g = img.createGraphics();
                    long t0 = System.nanoTime();
                    chart.draw(g, new Rectangle2D.Double(0, 0, 1300, 470), new ChartRenderingInfo());
                    long t = System.nanoTime() - t0;
                    g.dispose();
                    if (k >= warm) {
                        total += t;
                        best = Math.min(best, t);
                    }
                }
                System.out.printf("scatter antialias=" + aa + "  %,d heaviest + named bots = %,d points: query %d ms, redraw mean %.1f ms, best %.1f ms%n",
                        n, pts.size(), queryMs, total / 1e6 / rounds, best / 1e6);
                }
            }
        }
    }
}
