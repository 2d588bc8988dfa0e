import type { ComponentConfig } from '../../evidence/component-config/index.js';

/**
 * From v1.29 (beta v1.30) --authorization-config replaces --authorization-mode with a structured
 * AuthorizationConfiguration file; the two are mutually exclusive, so the modes are in that file.
 */
export function authorizationConfigured(config: ComponentConfig): string | undefined {
  const file = config.settings.get('authorization-config');
  return file ? `authorization is configured by --authorization-config=${String(file.value)}; check its authorizers (Node, RBAC, no AlwaysAllow) there` : undefined;
}
