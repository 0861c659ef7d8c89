package sgsf;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sgsf.engine.infer.Evaluator;
import sgsf.engine.train.Trainer;
import sgsf.io.Csv;
import sgsf.io.Json;

/** The dependency rules of ARCHITECTURE.md, checked on the compiled main classes. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("sgsf");
  }

  @Test
  void layersDependOnlyDownwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("app")
        .definedBy("sgsf.app..")
        .layer("cli")
        .definedBy("sgsf.cli..")
        .layer("ui")
        .definedBy("sgsf.ui..")
        .layer("workflow")
        .definedBy("sgsf.workflow..")
        .layer("io")
        .definedBy("sgsf.io..")
        .layer("engine")
        .definedBy("sgsf.engine..")
        .layer("spark")
        .definedBy("sgsf.spark..")
        .whereLayer("spark")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("app")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("cli")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("ui")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("workflow")
        .mayOnlyBeAccessedByLayers("cli", "ui", "app", "spark")
        .whereLayer("io")
        .mayOnlyBeAccessedByLayers("workflow", "cli", "ui", "app", "spark")
        .whereLayer("engine")
        .mayOnlyBeAccessedByLayers("io", "workflow", "cli", "ui", "app", "spark")
        .check(classes);
  }

  @Test
  void engineKnowsNothingOfUserInterfaces() {
    noClasses()
        .that()
        .resideInAPackage("sgsf.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javafx..",
            "java.awt..",
            "javax.swing..",
            "org.jfree..",
            "org.controlsfx..",
            "picocli..")
        .check(classes);
  }

  @Test
  void onlyCliAndAppPrintToStandardStreams() {
    noClasses()
        .that()
        .resideOutsideOfPackages("sgsf.cli..", "sgsf.app..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(classes);
  }

  @Test
  void userInterfacesReachTrainingAndEvaluationOnlyThroughTheWorkflows() {
    noClasses()
        .that()
        .resideInAnyPackage("sgsf.cli..", "sgsf.ui..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(Trainer.class, Evaluator.class)
        .because(
            "sgsf eval and the Evaluate view share sgsf.workflow; sgsf train and the Train view"
                + " share sgsf.io.TrainingJob")
        .check(classes);
  }

  @Test
  void onlyIoJsonMakesAnObjectMapper() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(Json.class.getName())
        .and()
        .doNotHaveFullyQualifiedName(Csv.class.getName()) // its CsvMapper is one, for CSV
        .should()
        .callConstructorWhere(target(owner(assignableTo(ObjectMapper.class))))
        .because("io/Json is the one Jackson configuration")
        .check(classes);
  }

  @Test
  void onlyTheSparkJobsUseSpark() {
    noClasses()
        .that()
        .resideOutsideOfPackage("sgsf.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
        .because("the desktop build stays free of Spark (the jobs live in src/spark, -Pspark)")
        .check(classes);
  }

  @Test
  void engineSlicesAreFreeOfCycles() {
    slices().matching("sgsf.engine.(*)..").should().beFreeOfCycles().check(classes);
  }
}
