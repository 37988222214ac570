// The public API of vanban: read an input, check it, render it, or run a batch. The command line, the server,
// preview, the goldens and the benchmark use this and nothing below it.
export { VanbanFile, fromText, fromValue, parse, check, plan, render, issuesOf, type CheckOptions } from './pipeline/file';
export { runBatch, type RunOptions, type RunReport, type JobResult, type JobStatus } from './pipeline/run';
export { FORMATS, type Format, type InputPlan } from './pipeline/plan';
export type { RenderedFile, RenderInputOptions } from './pipeline/render-input';
export { BrowserPool } from './render/pdf/browser';
export { VanbanError, hasErrors, type Issue, type Severity, type Stage } from './errors/issue';
export { formatIssue } from './errors/present';
export { knownFormIds } from './forms/registry';
export { outputStem } from './output/write';
