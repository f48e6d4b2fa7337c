package com.ja4.workstation.data.warehouse;

import com.ja4.workstation.domain.DisplayText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the catalog of a DuckDB file attached with {@link DuckDbSource#openLocked} before anything
 * queries it: the file may hold plain base tables of the expected layout only. Views, macros,
 * sequences, user types, indexes, other schemas, computed columns (DEFAULT, generated), CHECK and
 * FOREIGN KEY constraints, missing or extra tables and columns, and columns of another type are
 * refused with a sentence naming what was found. The catalog is read through DuckDB's system
 * functions filtered on the attached database, which bind nothing the file defines.
 */
public final class UntrustedCatalog {

    /** A column as DuckDB reports it ({@code duckdb_columns().data_type}). */
    public record ColumnLayout(String name, String type) {
    }

    /** A table the file must (or may) contain, with its exact columns in order. */
    public record TableLayout(String name, List<ColumnLayout> columns, boolean required) {
        public TableLayout {
            columns = List.copyOf(columns);
        }
    }

    private static final Set<String> ALLOWED_CONSTRAINTS = Set.of("PRIMARY KEY", "NOT NULL", "UNIQUE");

    private UntrustedCatalog() {
    }

    /**
     * Returns the names of the layout's tables present in the file, in layout order; throws with
     * the reason when the file holds anything else.
     *
     * @param label how the file is named in messages ("capture.duckdb", "The outbox outbox.duckdb")
     */
    public static List<String> check(Connection inspect, String label, List<TableLayout> layout) throws WarehouseException {
        try {
            refuseAny(inspect, label, "SELECT schema_name FROM duckdb_schemas() WHERE database_name = ? AND schema_name <> 'main'",
                    "a schema");
            refuseAny(inspect, label, "SELECT view_name FROM duckdb_views() WHERE database_name = ?", "a view");
            refuseAny(inspect, label, "SELECT function_name FROM duckdb_functions() WHERE database_name = ?", "a macro (SQL function)");
            refuseAny(inspect, label, "SELECT sequence_name FROM duckdb_sequences() WHERE database_name = ?", "a sequence");
            refuseAny(inspect, label, "SELECT type_name FROM duckdb_types() WHERE database_name = ? AND NOT internal", "a user-defined type");
            refuseAny(inspect, label, "SELECT index_name FROM duckdb_indexes() WHERE database_name = ?", "an index");
            refuseAny(inspect, label, "SELECT table_name || ' (' || constraint_type || ')' FROM duckdb_constraints()"
                    + " WHERE database_name = ? AND constraint_type NOT IN ('" + String.join("', '", ALLOWED_CONSTRAINTS) + "')",
                    "a constraint that runs an expression");
            Map<String, List<ColumnLayout>> found = columns(inspect, label);
            return compare(label, layout, found);
        } catch (SQLException e) {
            throw new WarehouseException(label + " cannot be read: " + Warehouse.reason(e), e);
        }
    }

    private static void refuseAny(Connection c, String label, String sql, String what) throws SQLException, WarehouseException {
        List<String> names = strings(c, sql);
        if (!names.isEmpty()) {
            throw new WarehouseException(label + " is refused: it contains " + what + " '" + shown(names.get(0)) + "'"
                    + (names.size() > 1 ? " (and " + (names.size() - 1) + " more)" : "")
                    + ", which a workstation file never contains and which could run code or read other files when queried.");
        }
    }

    /** Tables (with their columns in order) of the attached file; refuses computed columns. */
    private static Map<String, List<ColumnLayout>> columns(Connection c, String label) throws SQLException, WarehouseException {
        Map<String, List<ColumnLayout>> tables = new LinkedHashMap<>();
        for (String t : strings(c, "SELECT table_name FROM duckdb_tables() WHERE database_name = ? ORDER BY table_name")) {
            tables.put(t, new ArrayList<>());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name, data_type, column_default FROM duckdb_columns()"
                + " WHERE database_name = ? ORDER BY table_name, column_index")) {
            ps.setString(1, DuckDbSource.ALIAS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<ColumnLayout> cols = tables.get(rs.getString(1));
                    if (cols == null) continue; // a view's columns: views are refused before this
                    if (rs.getString(4) != null) {
                        throw new WarehouseException(label + " is refused: column '" + shown(rs.getString(2)) + "' of table '" + shown(rs.getString(1))
                                + "' is computed (a DEFAULT or generated expression), which a workstation file never has.");
                    }
                    cols.add(new ColumnLayout(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return tables;
    }

    private static List<String> compare(String label, List<TableLayout> layout, Map<String, List<ColumnLayout>> found)
            throws WarehouseException {
        Set<String> expected = new LinkedHashSet<>();
        List<String> present = new ArrayList<>();
        for (TableLayout t : layout) {
            expected.add(t.name());
            List<ColumnLayout> cols = found.get(t.name());
            if (cols == null) {
                if (t.required()) throw new WarehouseException(label + " is incomplete: it has no table '" + t.name() + "'.");
                continue;
            }
            compareColumns(label, t, cols);
            present.add(t.name());
        }
        for (String name : found.keySet()) {
            if (!expected.contains(name)) {
                throw new WarehouseException(label + " is refused: it contains a table '" + shown(name)
                        + "' that a workstation file does not have.");
            }
        }
        return present;
    }

    private static void compareColumns(String label, TableLayout t, List<ColumnLayout> cols) throws WarehouseException {
        for (int i = 0; i < Math.max(cols.size(), t.columns().size()); i++) {
            ColumnLayout want = i < t.columns().size() ? t.columns().get(i) : null;
            ColumnLayout got = i < cols.size() ? cols.get(i) : null;
            if (want != null && want.equals(got)) continue;
            String where = label + ": table '" + t.name() + "' ";
            if (want == null) {
                throw new WarehouseException(where + "has an extra column '" + shown(got.name()) + "' (" + shown(got.type())
                        + ") that a workstation file does not have.");
            }
            if (got == null) throw new WarehouseException(where + "lacks its column '" + want.name() + "'.");
            throw new WarehouseException(where + "has column " + (i + 1) + " '" + shown(got.name()) + "' of type " + shown(got.type())
                    + " where a workstation file has '" + want.name() + "' of type " + want.type() + ".");
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, DuckDbSource.ALIAS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** A name from the file, safe to put in a message. */
    private static String shown(String name) {
        return DisplayText.of(name, 80);
    }
}
