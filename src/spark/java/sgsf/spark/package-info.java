/**
 * The Apache Spark jobs (README, "Beyond one PC: Spark"), built only by the {@code spark} Maven
 * profile into the job jar {@code target/sgsf-spark-job.jar}: {@link sgsf.spark.SparkJobs} (the
 * jar's entry point), the scoring job ({@link sgsf.spark.ScoringJob}: image archives scored by one
 * or more model bundles, and evaluated on the driver when labelled) and the training job ({@link
 * sgsf.spark.TrainingTableJob}: one training per spec and Spark task). They run the engine through
 * the workflow and io layers exactly as {@code sgsf eval}, {@code sgsf infer} and {@code sgsf
 * train} do; besides Spark and Hadoop's file system they may use {@code sgsf.workflow}, {@code
 * sgsf.io} and {@code sgsf.engine}, never {@code sgsf.ui}, {@code sgsf.cli} or {@code sgsf.app}
 * (which the job jar leaves out), and nothing in the desktop build uses them.
 */
package sgsf.spark;
