package dev.sentiment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the package-by-feature layout honest: DJL stays inside {@code inference}, and features talk
 * to each other only through {@code inference} (the engine) and {@code system} (web plumbing).
 */
@AnalyzeClasses(packages = "dev.sentiment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule djlStaysInsideInference =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.sentiment.inference..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ai.djl..")
          .because("the engine is the one place that knows DJL; the rest sees Prediction");

  @ArchTest
  static final ArchRule inferenceKnowsNoFeature =
      noClasses()
          .that()
          .resideInAPackage("dev.sentiment.inference..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.sentiment.analysis..", "dev.sentiment.batch..", "dev.sentiment.system..");

  @ArchTest
  static final ArchRule analysisDoesNotReachIntoBatch =
      noClasses()
          .that()
          .resideInAPackage("dev.sentiment.analysis..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.sentiment.batch..");

  @ArchTest
  static final ArchRule batchDoesNotReachIntoAnalysis =
      noClasses()
          .that()
          .resideInAPackage("dev.sentiment.batch..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.sentiment.analysis..");

  @ArchTest
  static final ArchRule systemKnowsNoFeature =
      noClasses()
          .that()
          .resideInAPackage("dev.sentiment.system..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.sentiment.analysis..", "dev.sentiment.batch..");

  @ArchTest
  static final ArchRule controllersArePackagePrivate =
      classes()
          .that()
          .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
          .should()
          .notBePublic();
}
