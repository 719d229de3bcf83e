/** Dateline's public API: re-exports only. */
export { build, check, generate, type BuildOptions, type BuildSummary, type Progress } from './build.js';
export { CONFIG_FILE, loadConfig, type PathOverrides, type SiteConfig, type SitePaths } from './config.js';
export { BuildFailed, ConfigError, DatelineError, formatProblem, type Location, type Problem } from './errors.js';
export { MemoryWriter, type Writer } from './write/writer.js';
export { startDev, type BuildEvent, type DevOptions, type DevSession } from './dev/session.js';
export { createStory, type NewStory } from './new-story.js';
export { Pipeline, type PipelineOptions, type PipelineRun } from './pipeline.js';
