package com.ja4.workstation.ui.table;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.ui.common.Loadable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analyst table's view model driven without a widget, on Scores: filters typed and applied,
 * "Filter by this value", a header sort, paging, and the whole-IP search that means one client.
 */
class FilteredTableModelTest {

    static DemoTables demo;

    @BeforeAll
    static void open() throws Exception {
        demo = DemoTables.open("Loading Scores");
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    private static FilteredTableModel<Score> scores() {
        return demo.model(TableDefinitions.SCORES);
    }

    @Test
    void aWholeIpMeansThatClientAndPartOfOneAnyAddressContainingIt() throws Exception {
        FilteredTableModel<Score> m = scores();
        DemoTables.await(m.load());
        assertEquals(Loadable.State.CONTENT, m.loading().state());
        long all = m.total();
        String ip = m.rows().stream().map(Score::ip).filter(s -> s.contains(".")).findFirst().orElseThrow();

        m.draft(TableFilter.SEARCH).set(ip);
        DemoTables.await(m.apply());
        assertEquals(TableFilter.of(TableFilter.SEARCH, ip), m.filter());
        assertTrue(m.total() > 0 && m.total() < all);
        assertTrue(m.rows().stream().allMatch(r -> r.ip().equals(ip) || r.host().contains(ip)), "exactly that client");

        String part = ip.substring(0, ip.indexOf('.') + 1); // "43.": not an address
        m.draft(TableFilter.SEARCH).set(part);
        DemoTables.await(m.apply());
        assertTrue(m.rows().stream().allMatch(r -> r.ip().contains(part) || r.host().contains(part)));
        assertTrue(m.rows().stream().anyMatch(r -> !r.ip().equals(ip)), "other addresses with that prefix");

        DemoTables.await(m.clear());
        assertEquals(all, m.total());
        assertEquals("", m.draft(TableFilter.SEARCH).get(), "the bar is cleared too");
    }

    @Test
    void filterByAValueSortAndPage() throws Exception {
        FilteredTableModel<Score> m = scores();
        DemoTables.await(m.load());
        Score first = m.rows().get(0);
        ColumnDef<Score> country = TableDefinitions.SCORES.columns().stream().filter(c -> c.title().equals("Country")).findFirst().orElseThrow();
        DemoTables.await(m.filterBy(country, first).orElseThrow());
        assertEquals(first.countryCode(), m.filter().get(TableFilter.COUNTRY));
        assertEquals(first.countryCode(), m.draft(TableFilter.COUNTRY).get(), "the bar shows the new filter");
        assertTrue(m.rows().stream().allMatch(r -> r.countryCode().equals(first.countryCode())));

        DemoTables.await(m.sortBy("anomaly_score", false));
        for (int i = 1; i < m.rows().size(); i++) assertTrue(m.rows().get(i - 1).anomalyScore() >= m.rows().get(i).anomalyScore());
        long total = m.total();
        m.pageSizeProperty().set(50);
        DemoTables.await(demo.task().idle());
        if (total > 50) {
            DemoTables.await(m.goTo(1));
            assertEquals(1L, m.pageProperty().get());
            assertEquals("Page 2 of " + m.pages(), m.pageTextProperty().get());
            assertEquals(total, m.total(), "paging does not change the total");
        }
    }

    @Test
    void aFilterFromAnotherViewIsPresetWithoutAQuery() {
        FilteredTableModel<Score> m = scores();
        m.presetFilter(TableFilter.of(TableFilter.BROWSER, "Chrome"));
        assertEquals("Chrome", m.draft(TableFilter.BROWSER).get());
        assertEquals(Loadable.State.LOADING, m.loading().state(), "nothing loaded yet");
        assertThrows(IllegalArgumentException.class, () -> m.draft(TableFilter.BOT), "Scores has no bot filter");
    }
}
