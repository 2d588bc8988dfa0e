/**
 * The component-config model: one view of a control-plane or node component's effective
 * settings, however it was started (static pod manifest, process command line, systemd unit,
 * config file). Sources build it; controls read it.
 */
export * from './kinds.js';
export * from './flags.js';
export * from './schema.js';
export * from './defaults.js';
export * from './config.js';
export * from './values.js';
export * from './pod.js';
