package sgsf;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sgsf.engine.forge.AuxiliarySource;
import sgsf.engine.forge.Forger;
import sgsf.engine.forge.SaliencyCache;
import sgsf.engine.infer.Evaluator;
import sgsf.engine.task.ProgressListener;
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
                + " share sgsf.workflow.TrainingWorkflow")
        .check(classes);
  }

  @Test
  void userInterfacesForgeOnlyThroughTheWorkflows() {
    noClasses()
        .that()
        .resideInAnyPackage("sgsf.cli..", "sgsf.ui..")
        .and()
        .doNotHaveFullyQualifiedName("sgsf.cli.BenchForgeCommand")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(Forger.class, SaliencyCache.class, AuxiliarySource.class)
        .because(
            "sgsf forge and the Forge view share sgsf.workflow.ForgeGalleryWorkflow (sgsf bench"
                + " forge times the engine's Forger itself)")
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
  void imageFilesAreDecodedOnlyThroughImageIo() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("sgsf.engine.image.ImageIo")
        .should()
        .callMethod(org.opencv.imgcodecs.Imgcodecs.class, "imread", String.class, int.class)
        .orShould()
        .callMethod(org.opencv.imgcodecs.Imgcodecs.class, "imread", String.class)
        .orShould()
        .callMethod(
            org.opencv.imgcodecs.Imgcodecs.class, "imdecode", org.opencv.core.Mat.class, int.class)
        .because(
            "ImageIo.decodeMat is the one decode-and-validate path: a truncated camera frame must"
                + " fail everywhere (issue 14 item 2)")
        .check(classes);
  }

  @Test
  void progressIsDeclaredOnce() {
    List<String> progressTypes =
        classes.stream()
            .filter(c -> c.isInterface() && !c.isEquivalentTo(ProgressListener.class))
            .filter(
                c ->
                    c.getMethods().stream()
                        .anyMatch(
                            m ->
                                m.getName().equals("update")
                                    && m.getRawParameterTypes().size() == 2
                                    && m.getRawParameterTypes().stream()
                                        .allMatch(t -> t.isEquivalentTo(int.class))))
            .map(JavaClass::getName)
            .toList();
    assertThat(progressTypes)
        .as("interfaces besides ProgressListener with update(int, int)")
        .isEmpty();
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

  /** sgsf.ui's own classes as one slice, and each of its sub-packages (with theirs) as one. */
  private static final SliceAssignment UI_AND_ITS_PACKAGES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String p = c.getPackageName();
          if (p.equals("sgsf.ui")) {
            return SliceIdentifier.of("sgsf.ui");
          }
          if (p.startsWith("sgsf.ui.")) {
            return SliceIdentifier.of(
                "sgsf.ui." + p.substring("sgsf.ui.".length()).split("\\.")[0]);
          }
          return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "sgsf.ui and each of its sub-packages";
        }
      };

  @Test
  void uiSlicesAreFreeOfCycles() {
    slices().matching("sgsf.ui.(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * Unlike {@link #uiSlicesAreFreeOfCycles()}, counts sgsf.ui's own classes as a slice: before the
   * composition root moved to sgsf.ui.shell, sgsf.ui (Workbench) used every section package and
   * each of them used sgsf.ui.WorkbenchSession, and this rule failed with one cycle per section.
   */
  @Test
  void uiAndItsPackagesAreFreeOfCycles() {
    slices().assignedFrom(UI_AND_ITS_PACKAGES).should().beFreeOfCycles().check(classes);
  }

  @Test
  void workflowsIncludingLineModeKnowNoUserInterface() {
    noClasses()
        .that()
        .resideInAPackage("sgsf.workflow..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "picocli..")
        .because("sgsf line and the Line section share sgsf.workflow.line")
        .check(classes);
  }

  @Test
  void onlyLineModeTalksMqttAndSqliteOutsideTheReviewStore() {
    noClasses()
        .that()
        .resideOutsideOfPackage("sgsf.workflow.line..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.paho..")
        .because("the MQTT sink is the one MQTT client")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages("sgsf.io.review..", "sgsf.workflow.line..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sqlite..", "java.sql..")
        .because("the review store and the line journal are the two SQLite databases")
        .check(classes);
  }
}
