import type { Command } from 'commander';
import { EXIT_INCOMPLETE, EXIT_OK } from '../engine/exit-code.js';
import type { ScanTarget } from '../engine/result.js';
import { renderWhoCan, whoCan } from '../engine/who-can.js';
import { parseAccessQuery } from '../evidence/access-query.js';
import { Inventory } from '../evidence/inventory.js';
import { RBAC_KINDS } from '../evidence/rbac.js';
import { readManifests } from '../sources/manifests/index.js';
import { parseFormat, UsageError } from './output.js';

/** Where `rbac who-can` gets its objects. The manifest source is the default; others (live cluster, snapshot) plug in here. */
export interface RbacInputSource {
  name: string;
  /** Adds this source's own options (e.g. --kubeconfig, --snapshot) to the command. */
  addOptions?(command: Command): void;
  /** Whether the paths and parsed options select this source. */
  selected(paths: string[], flags: Record<string, unknown>): boolean;
  /** Feeds every object it reads to the inventory; reports what it could not read. */
  load(inventory: (complete: boolean) => Inventory, paths: string[], flags: Record<string, unknown>, onProblem: (message: string) => void): Promise<{ inventory: Inventory; target: ScanTarget }>;
}

export const manifestRbacSource: RbacInputSource = {
  name: 'manifests',
  selected: (paths) => paths.length > 0,
  async load(makeInventory, paths, _flags, onProblem) {
    const inventory = makeInventory(false);
    for await (const item of readManifests(paths)) {
      if (item.type === 'object') inventory.add(item.item);
      else if (item.problem.level === 'error') onProblem(`${item.problem.line ? `${item.problem.file}:${item.problem.line}` : item.problem.file}: ${item.problem.message}`);
    }
    return { inventory, target: { type: 'manifests', paths } };
  },
};

/** Sources in order of precedence; the first selected one answers. */
export const RBAC_INPUT_SOURCES: RbacInputSource[] = [manifestRbacSource];

interface WhoCanFlags {
  namespace?: string;
  name?: string;
  format: string;
  [flag: string]: unknown;
}

export function registerRbacCommand(program: Command): void {
  const rbac = program.command('rbac').description('questions about RBAC permissions, answered from effective permissions');
  const whoCanCommand = rbac
    .command('who-can')
    .description('list the users, groups and service accounts that can VERB RESOURCE, and through which bindings')
    .argument('<verb>', 'verb, e.g. get, create, impersonate (comma-separated for several)')
    .argument('<resource>', 'resource[.group][/subresource], e.g. pods, secrets, deployments.apps, pods/exec, nodes/proxy, or a URL like /metrics')
    .argument('[paths...]', 'manifest files, directories, or - for standard input')
    .option('-n, --namespace <namespace>', 'only permissions that apply in this namespace')
    .option('--name <name>', 'a specific object name (matches resourceNames)')
    .option('-f, --format <format>', 'table or json', 'table');
  for (const source of RBAC_INPUT_SOURCES) source.addOptions?.(whoCanCommand);
  whoCanCommand
    .addHelpText(
      'after',
      `
Roles, ClusterRoles (aggregation resolved), RoleBindings and ClusterRoleBindings are read from the input;
built-in ClusterRoles (cluster-admin, admin, edit, view) are assumed when not present.

Examples:
  kubeharden rbac who-can get secrets -n payments rbac/
  kubeharden rbac who-can create pods/exec k8s/
  kubectl get clusterroles,clusterrolebindings,roles,rolebindings -A -o yaml | kubeharden rbac who-can escalate clusterroles -`,
    )
    .action(async (verb: string, resource: string, paths: string[], flags: WhoCanFlags) => {
      const format = parseFormat(flags.format);
      const source = RBAC_INPUT_SOURCES.find((s) => s.selected(paths, flags));
      if (!source) throw new UsageError('who-can needs objects to answer from: give manifest paths (or - for stdin)');
      let parsed;
      try {
        parsed = parseAccessQuery(verb, resource, flags.namespace, flags.name);
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      if (parsed.note) process.stderr.write(`kubeharden: note: ${parsed.note}\n`);
      let problems = 0;
      const { inventory, target } = await source.load(
        (complete) => new Inventory(RBAC_KINDS, { complete }),
        paths,
        flags,
        (message) => {
          problems += 1;
          process.stderr.write(`kubeharden: error: ${message}\n`);
        },
      );
      const answer = whoCan(inventory, parsed.query);
      const text = format === 'json' ? JSON.stringify({ target, resource: parsed.display, ...answer }, null, 2) + '\n' : renderWhoCan(answer, parsed.display);
      process.stdout.write(text);
      process.exitCode = problems > 0 ? EXIT_INCOMPLETE : EXIT_OK;
    });
}
