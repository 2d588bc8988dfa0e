import { asArray, isRecord, type FieldPath } from './kube-object.js';
import type { WorkloadView } from './workload.js';

/** Where one container mounts a volume. */
export interface VolumeMount {
  container: string;
  mountPath: string;
  readOnly: boolean;
}

/** One entry of spec.volumes: its name, its source type (hostPath, secret, …) and who mounts it. */
export interface PodVolume {
  name: string;
  /** The volume source field, e.g. hostPath; undefined when none is set. */
  source: string | undefined;
  /** The source's own settings, e.g. { path: '/var/run/docker.sock' } for hostPath. */
  settings: Record<string, unknown>;
  path: FieldPath;
  mounts: VolumeMount[];
}

/** Every volume of the pod, with the container mounts that use it. */
export function volumesOf(workload: WorkloadView): PodVolume[] {
  const mounts = new Map<string, VolumeMount[]>();
  for (const container of workload.containers) {
    for (const raw of asArray(container.spec.volumeMounts)) {
      if (!isRecord(raw) || typeof raw.name !== 'string') continue;
      const list = mounts.get(raw.name) ?? [];
      list.push({
        container: container.name,
        mountPath: typeof raw.mountPath === 'string' ? raw.mountPath : '',
        readOnly: raw.readOnly === true,
      });
      mounts.set(raw.name, list);
    }
  }
  const volumes: PodVolume[] = [];
  asArray(workload.podSpec.volumes).forEach((raw, index) => {
    if (!isRecord(raw)) return;
    const name = typeof raw.name === 'string' ? raw.name : `volumes[${index}]`;
    const source = Object.keys(raw).find((key) => key !== 'name');
    const settings = source !== undefined && isRecord(raw[source]) ? raw[source] : {};
    volumes.push({ name, source, settings, path: [...workload.podSpecPath, 'volumes', index], mounts: mounts.get(name) ?? [] });
  });
  return volumes;
}

/** The hostPath volumes of the pod. */
export function hostPathVolumes(workload: WorkloadView): (PodVolume & { hostPath: string })[] {
  return volumesOf(workload)
    .filter((v) => v.source === 'hostPath')
    .map((v) => ({ ...v, hostPath: typeof v.settings.path === 'string' ? v.settings.path : '' }));
}

/** `"name" (/host/path)` plus how it is mounted, for messages. */
export function describeHostPath(volume: PodVolume & { hostPath: string }): string {
  const mounts = volume.mounts.map((m) => `${m.container}${m.readOnly ? ' read-only' : ' read-write'}`);
  return `hostPath volume "${volume.name}" (${volume.hostPath || 'no path'})${mounts.length ? ` mounted by ${mounts.join(', ')}` : ''}`;
}
