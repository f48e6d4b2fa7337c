package com.ja4.workstation.ui.ip;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.ThreatCell;
import com.ja4.workstation.ui.shell.ViewController;
import com.ja4.workstation.ui.shell.ViewRequest;
import com.ja4.workstation.ui.table.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * IP drill-down (DESIGN 3.5): a closable tab per IP, several open at once. With no tab open it
 * offers the worst IPs of the window to start from.
 */
public final class IpController extends ViewController {

    @FXML private TabPane tabs;
    @FXML private VBox emptyState;
    @FXML private TextField ipField;
    @FXML private Label ipError;
    @FXML private VBox startHost;

    private final TableView<Detection> worst = Tables.table("No detections in this window");
    private final LoadPane worstPane = new LoadPane(worst);

    @FXML
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void initialize() {
        tabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> updateEmpty());
        Tables.text(worst, "IP", Detection::ip, 170);
        TableColumn threat = Tables.text(worst, "Worst threat", Detection::threatLevel, 140);
        threat.setCellFactory(col -> new ThreatCell<>());
        Tables.number(worst, "Score", Detection::anomalyScore, 70, 3);
        Tables.text(worst, "OS (TCP)", Detection::os, 220);
        Tables.text(worst, "Bot", Detection::botName, 110);
        Tables.text(worst, "ASN organisation", Detection::asnOrg, 200);
        Tables.text(worst, "Country", Detection::countryCode, 70);
        Tables.text(worst, "Host", Detection::host, 170);
        worst.setRowFactory(tv -> {
            javafx.scene.control.TableRow<Detection> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) ClientIp.parse(row.getItem().ip()).ifPresent(this::open);
            });
            return row;
        });
        worst.setPrefHeight(520);
        startHost.getChildren().add(worstPane);
        VBox.setVgrow(worstPane, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(startHost, javafx.scene.layout.Priority.ALWAYS);
        ipField.setOnAction(e -> openTyped());
        updateEmpty();
    }


    @Override
    protected void load(QueryScope scope) {
        for (IpTabModel t : openTabs()) track(t.load());
        loadWorst(scope);
    }

    /** Another view asks for an IP: its tab, once the drill-down is in front. */
    @Override
    protected void fulfil(ViewRequest request, boolean reloaded) {
        if (request instanceof ViewRequest.Ip ip) open(ip.ip());
    }

    /** Opens the IP's tab (or brings it forward) and loads it. */
    public IpTabModel open(ClientIp ip) {
        for (Tab t : tabs.getTabs()) {
            if (t instanceof IpTab it && it.ip().equals(ip)) {
                tabs.getSelectionModel().select(t);
                return it.model();
            }
        }
        IpTabModel m = new IpTabModel(ip, this::workspace, this::window, this::task);
        IpTab tab = new IpTab(m, new IpTab.Navigation(model()::openDetections, model()::lookUpJa4));
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        if (workspace() != null && window() != null) track(m.load());
        return m;
    }

    /** The open IPs, in tab order. */
    public List<IpTabModel> openTabs() {
        List<IpTabModel> out = new ArrayList<>();
        for (Tab t : tabs.getTabs()) if (t instanceof IpTab it) out.add(it.model());
        return out;
    }

    /** The IP in front, if any. */
    public Optional<IpTabModel> selected() {
        return tabs.getSelectionModel().getSelectedItem() instanceof IpTab t ? Optional.of(t.model()) : Optional.empty();
    }

    @FXML
    private void openTyped() {
        Optional<ClientIp> ip = ClientIp.parse(ipField.getText());
        if (ip.isEmpty()) {
            ipError.setText("Not an IPv4 or IPv6 address: " + ipField.getText());
            if (!ipField.getStyleClass().contains("invalid")) ipField.getStyleClass().add("invalid");
            return;
        }
        ipError.setText("");
        ipField.getStyleClass().remove("invalid");
        open(ip.get());
    }

    private void loadWorst(QueryScope scope) {
        track(worstPane.bind(workspace().ip().worstIps(window(), scope), rows -> worst.getItems().setAll(rows), List::isEmpty,
                () -> loadWorst(scope())));
    }

    private void updateEmpty() {
        boolean none = tabs.getTabs().isEmpty();
        emptyState.setVisible(none);
        emptyState.setManaged(none);
        tabs.setVisible(!none);
        tabs.setManaged(!none);
    }
}
