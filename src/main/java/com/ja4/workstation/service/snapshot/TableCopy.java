package com.ja4.workstation.service.snapshot;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/** Copies one table's rows of the window into the snapshot being written, reporting progress. */
interface TableCopy {

    /**
     * @param snapshotTmp the snapshot's temporary file; scratch files go beside it and are removed
     */
    void copy(DuckDBConnection conn, Table t, TimeWindow w, SnapshotExporter.Filters f, Path snapshotTmp,
              SnapshotExporter.Listener listener, QueryContext ctx) throws WarehouseException, SQLException, IOException;
}
