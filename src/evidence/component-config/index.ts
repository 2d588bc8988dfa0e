/**
 * The component-config model: one view of a control-plane or node component's effective
 * settings, however it was started (static pod manifest, process command line, systemd unit,
 * config file). Sources build it; controls read it.
 *
 * For a source (the node audit):
 *   1. `buildComponentConfig({ kind, args, argIndexOffset, locateArg, env, configFile, version, source })`
 *      with the arguments after the program name; `locateArg` gives the file/line of each argument
 *      (manifest, unit file), `configFile` the parsed file the config flag names (or its read error).
 *   2. Put the parsed content (or the read error) of each file named by a flag listed in some
 *      control's `needsFiles` into `config.referencedFiles`, keyed by the path as written.
 *   3. `evaluateComponents(controls, configs, hostname, emit)` (src/engine/scan-components.ts).
 */
export * from './kinds.js';
export * from './flags.js';
export * from './schema.js';
export * from './defaults.js';
export * from './config.js';
export * from './values.js';
export * from './pod.js';
