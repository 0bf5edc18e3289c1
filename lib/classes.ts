import { AppError } from "./errors";

/**
 * A model's class list must be the project's, name for name and in the same order: a class
 * index means the same field everywhere (labels, manifests, predictions, gates).
 */
export function classListMismatch(project: readonly string[], model: readonly string[]): string | null {
  if (project.length !== model.length) {
    return `the model has ${model.length} classes, the project ${project.length}: [${model.join(", ")}] vs [${project.join(", ")}]`;
  }
  const i = project.findIndex((name, k) => name !== model[k]);
  return i < 0 ? null : `class ${i} is "${model[i]}" in the model but "${project[i]}" in the project`;
}

export function assertSameClasses(project: readonly string[], model: readonly string[]): void {
  const problem = classListMismatch(project, model);
  if (problem) throw new AppError("invalid", `class names must match the project's, in order: ${problem}`);
}
