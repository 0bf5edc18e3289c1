import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["annotator", "reviewer", "ml_lead", "admin"]);
export const tokenKindEnum = pgEnum("token_kind", ["production", "runner"]);
export const documentOriginEnum = pgEnum("document_origin", [
  "anchor_train",
  "anchor_test",
  "production",
  "failure_report",
]);
export const revisionSourceEnum = pgEnum("revision_source", ["import", "model", "human"]);
export const taskStateEnum = pgEnum("task_state", [
  "open",
  "in_progress",
  "submitted",
  "rejected",
  "accepted",
  "skipped",
]);
export const reviewDecisionEnum = pgEnum("review_decision", ["accept", "reject"]);
export const manifestKindEnum = pgEnum("manifest_kind", ["finetune", "base_retrain", "export"]);
/** new = pool sample, old = anchor sample, holdout = new but kept out of training, val = validation */
export const manifestRoleEnum = pgEnum("manifest_role", ["new", "old", "holdout", "val"]);
export const importStateEnum = pgEnum("import_state", ["running", "succeeded", "failed"]);
export const modelKindEnum = pgEnum("model_kind", ["base", "finetune"]);
export const jobKindEnum = pgEnum("job_kind", ["finetune", "base_retrain"]);
export const jobStateEnum = pgEnum("job_state", [
  "queued",
  "claimed",
  "running",
  "succeeded",
  "failed",
  "canceled",
]);
export const gateEnum = pgEnum("gate", ["map50", "failure_detection", "ab"]);
export const gateVerdictEnum = pgEnum("gate_verdict", ["pass", "review", "reject", "skipped"]);
export const approvalDecisionEnum = pgEnum("approval_decision", ["approve", "reject"]);
export const deploymentActionEnum = pgEnum("deployment_action", ["promote", "rollback"]);
export const triggerSourceEnum = pgEnum("trigger_source", ["volume", "schedule", "performance"]);
