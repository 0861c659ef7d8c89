/**
 * The Train section: the form (presets, budget, hyper-parameters, forging strategy, seed, with
 * validation), start/pause/resume/cancel of a run through {@code sgsf.workflow.TrainingWorkflow},
 * progress with ETA, live loss and throughput charts, batch previews and the checkpoint list. May
 * use {@code sgsf.io} and the engine's training listener types, not the trainer itself.
 */
package sgsf.ui.training;
