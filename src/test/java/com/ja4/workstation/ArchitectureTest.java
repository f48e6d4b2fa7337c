package com.ja4.workstation;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

/**
 * The layering of docs/ARCHITECTURE.md as tests: ui (the only JavaFX code) -> service -> data and
 * analysis, with domain values below all of them and app (entry points) on top. Each rule names the
 * class and the dependency that breaks it.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "com.ja4.workstation";
    private static final String UI = ROOT + ".ui..";
    private static final String SERVICE = ROOT + ".service..";
    private static final String DATA = ROOT + ".data..";
    private static final String ANALYSIS = ROOT + ".analysis..";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String APP = ROOT + ".app..";

    @ArchTest
    static final ArchRule javafx_only_in_ui = noClasses().that().resideOutsideOfPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "com.sun.glass..",
                    "org.controlsfx..", "atlantafx..", "org.jfree.chart.fx..")
            .because("services, data and analysis run headless (render, commands, tests without a display)");



    @ArchTest
    static final ArchRule ui_never_touches_data = noClasses().that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAPackage(DATA)
            .because("views ask services and show domain values: the warehouse, dialects, *Queries and table specs"
                    + " stay behind the service layer");

    @ArchTest
    static final ArchRule ui_reads_analysis_results_only = noClasses().that().resideInAPackage(UI)
            .should().dependOnClassesThat(resideInAPackage(ANALYSIS)
                    .and(describe("are not records or enums (results)", (JavaClass c) -> !c.isRecord() && !c.isEnum())))
            .because("analysis runs through services; a view may only read its results (records and enums)");

    @ArchTest
    static final ArchRule data_depends_on_domain_only = noClasses().that().resideInAPackage(DATA)
            .should().dependOnClassesThat().resideInAnyPackage(ANALYSIS, SERVICE, UI, APP)
            .because("data is the storage layer: it maps rows to domain values and knows nothing above it");

    @ArchTest
    static final ArchRule analysis_never_touches_jdbc = noClasses().that().resideInAPackage(ANALYSIS)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.duckdb..",
                    "com.clickhouse..", DATA)
            .because("analysis is plain computation on domain values; services feed it from the warehouse");

    @ArchTest
    static final ArchRule nothing_below_app_imports_app = noClasses().that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .because("app holds the entry points (main, commands); every layer below works without it");

    @ArchTest
    static final ArchRule domain_is_the_bottom = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("domain values are shared by every layer and depend on none");

    @ArchTest
    static final ArchRule no_cycles_between_layers = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    /**
     * Every package is a slice: the views, the shell and the shared UI pieces form a tree, and so do
     * the query families and the analyses. The service layer is one slice: Workspace wires its
     * services, and the source openers of service.source and service.profile return Workspaces.
     */
    @ArchTest
    static final ArchRule no_cycles_between_packages = slices().matching(ROOT + ".(**)").should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage(SERVICE), resideInAPackage(SERVICE));

    @ArchTest
    static final ArchRule background_work_goes_through_tasks = noClasses()
            .that().resideInAPackage(UI).and().resideOutsideOfPackage(ROOT + ".ui.task..")
            .should().callMethodWhere(target(owner(assignableTo(CompletableFuture.class)))
                    .and(target(nameMatching("supplyAsync|runAsync"))))
            .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, ExecutorService.class, ForkJoinPool.class,
                    Thread.class, javafx.concurrent.Task.class, javafx.concurrent.Service.class)
            .orShould().callMethodWhere(target(owner(assignableTo(ROOT + ".service.query.QueryScope")))
                    .and(target(nameMatching("parallel|sequential"))))
            .because("every asynchronous call of the UI goes through ui.task.Tasks: listed in the status bar, cancellable");
}
