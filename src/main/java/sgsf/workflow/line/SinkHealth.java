package sgsf.workflow.line;

/**
 * How a sink is doing.
 *
 * @param sink the sink's key
 * @param connected true while deliveries succeed (false after a failure until the next success)
 * @param delivered results delivered in this run
 * @param refused results the sink refused for good, kept in the journal (all runs)
 * @param lastError the last failure's message, or null after a success
 * @param lastRefusal what the sink answered when it last refused a result, or null
 */
public record SinkHealth(
    String sink,
    boolean connected,
    long delivered,
    long refused,
    String lastError,
    String lastRefusal) {}
