package dev.sentiment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the package-by-feature layout honest: DJL stays inside {@code inference}; features ({@code
 * analysis}, {@code batch}, the page) talk to each other only through {@code inference} (the
 * engine) and {@code web} (cross-cutting web plumbing), which knows no feature and no engine.
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
              "dev.sentiment.analysis..", "dev.sentiment.batch..", "dev.sentiment.web..");

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
  static final ArchRule webKnowsNoFeature =
      noClasses()
          .that()
          .resideInAPackage("dev.sentiment.web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.sentiment.analysis..", "dev.sentiment.batch..", "dev.sentiment.inference..")
          .because("cross-cutting web code serves every feature; each maps its own exceptions");

  @ArchTest
  static final ArchRule webCoreKnowsNoWebPart =
      noClasses()
          .that()
          .resideInAPackage("dev.sentiment.web")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.sentiment.web.problem..",
              "dev.sentiment.web.guard..",
              "dev.sentiment.web.async..",
              "dev.sentiment.web.auth..")
          .because("the parts of web depend on its core (request ids, filter order), not back");

  @ArchTest
  static final ArchRule webPartsAreFreeOfCycles =
      slices().matching("dev.sentiment.web.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule nothingIsLeftInTheOldSystemPackage =
      noClasses().should().resideInAPackage("dev.sentiment.system..").allowEmptyShould(true);

  @ArchTest
  static final ArchRule controllersArePackagePrivate =
      classes()
          .that()
          .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
          .should()
          .notBePublic();
}
