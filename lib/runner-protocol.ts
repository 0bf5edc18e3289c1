import { z } from "zod";

/**
 * The app <-> training-runner protocol (HTTP, runner token). One module, imported by the route
 * handlers and by the runner, so both sides parse the same shapes.
 */
export const runnerIdentity = z.object({ runner: z.string().trim().min(1).max(200) });

export const claimRequest = runnerIdentity.extend({ leaseSeconds: z.number().int().min(10).max(3600).default(120) });

export const progressSchema = z.object({
  phase: z.enum(["downloading", "building_dataset", "training", "validating", "predicting", "exporting", "uploading"]),
  epoch: z.number().int().min(0).optional(),
  epochs: z.number().int().min(1).optional(),
  losses: z.record(z.string(), z.number()).optional(),
  lr: z.number().optional(),
  metrics: z.record(z.string(), z.number()).optional(),
  etaSeconds: z.number().min(0).optional(),
  /** predicting: images done of total (both models) */
  done: z.number().int().min(0).optional(),
  total: z.number().int().min(0).optional(),
  logTail: z.array(z.string().max(2000)).max(50).optional(),
  /** per-epoch points for the charts: train losses and validation metrics */
  history: z
    .array(z.object({ epoch: z.number().int().min(0), losses: z.record(z.string(), z.number()).optional(), metrics: z.record(z.string(), z.number()).optional() }))
    .max(2000)
    .optional(),
});

export const heartbeatRequest = runnerIdentity.extend({ leaseSeconds: z.number().int().min(10).max(3600).default(120), progress: progressSchema.optional() });
export const heartbeatResponse = z.object({ cancel: z.boolean(), state: z.string() });

export const finishRequest = runnerIdentity.extend({
  outcome: z.enum(["succeeded", "failed", "canceled", "returned"]),
  error: z.string().max(10_000).optional(),
  /** final validation metrics of the trained model, stored on the model version */
  metrics: z.record(z.string(), z.number()).optional(),
  /** the trained network's layers, so the UI can show what `freeze` freezes */
  layers: z.array(z.object({ i: z.number().int(), from: z.union([z.number().int(), z.array(z.number().int())]), type: z.string().max(100), params: z.number().int() })).max(1000).optional(),
  /** seconds spent inside Ultralytics' train+val (the runner overhead benchmark divides by it) */
  trainSeconds: z.number().min(0).optional(),
});

export type ClaimRequest = z.infer<typeof claimRequest>;
export type HeartbeatRequest = z.infer<typeof heartbeatRequest>;
export type FinishRequest = z.infer<typeof finishRequest>;
