/**
 * The deep-learning backend: ND4J/DL4J system properties (oneDNN helpers on), the backend and CPU
 * description, the software version stored in models. Pure engine: no user interface, no {@code
 * sgsf.io}.
 */
package sgsf.engine.backend;
