package sgsf.workflow.line;

/**
 * How a sink is doing.
 *
 * @param sink the sink's key
 * @param connected true while deliveries succeed (false after a failure until the next success)
 * @param delivered results delivered in this run
 * @param lastError the last failure's message, or null after a success
 */
public record SinkHealth(String sink, boolean connected, long delivered, String lastError) {}
