import { cis } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const cniConfigOwnership = fileCheck({
  id: 'cni-config-ownership',
  title: 'Container Network Interface files must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('1.1.10')],
  roles: ['cni-config'],
  require: ROOT_OWNED,
  what: 'the CNI configuration files',
});
