package com.ja4.workstation.ui;

import javafx.application.Application;
import javafx.stage.Stage;

public class WorkstationApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("JA4 Analyst Workstation");
        stage.show();
    }
}
