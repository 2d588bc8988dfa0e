import type { Control } from '../control.js';
import { apiserverPodSpecPermissions } from './apiserver-pod-spec-permissions.js';
import { apiserverPodSpecOwnership } from './apiserver-pod-spec-ownership.js';
import { controllerManagerPodSpecPermissions } from './controller-manager-pod-spec-permissions.js';
import { controllerManagerPodSpecOwnership } from './controller-manager-pod-spec-ownership.js';
import { schedulerPodSpecPermissions } from './scheduler-pod-spec-permissions.js';
import { schedulerPodSpecOwnership } from './scheduler-pod-spec-ownership.js';
import { etcdPodSpecPermissions } from './etcd-pod-spec-permissions.js';
import { etcdPodSpecOwnership } from './etcd-pod-spec-ownership.js';
import { staticPodManifestsPermissions } from './static-pod-manifests-permissions.js';
import { staticPodManifestsOwnership } from './static-pod-manifests-ownership.js';
import { cniConfigPermissions } from './cni-config-permissions.js';
import { cniConfigOwnership } from './cni-config-ownership.js';
import { etcdDataDirPermissions } from './etcd-data-dir-permissions.js';
import { etcdDataDirOwnership } from './etcd-data-dir-ownership.js';
import { etcdDataFilesPermissions } from './etcd-data-files-permissions.js';
import { etcdDataFilesOwnership } from './etcd-data-files-ownership.js';
import { adminKubeconfigPermissions } from './admin-kubeconfig-permissions.js';
import { adminKubeconfigOwnership } from './admin-kubeconfig-ownership.js';
import { schedulerKubeconfigPermissions } from './scheduler-kubeconfig-permissions.js';
import { schedulerKubeconfigOwnership } from './scheduler-kubeconfig-ownership.js';
import { controllerManagerKubeconfigPermissions } from './controller-manager-kubeconfig-permissions.js';
import { controllerManagerKubeconfigOwnership } from './controller-manager-kubeconfig-ownership.js';
import { controlPlaneKubeconfigsPermissions } from './control-plane-kubeconfigs-permissions.js';
import { pkiOwnership } from './pki-ownership.js';
import { pkiCertPermissions } from './pki-cert-permissions.js';
import { pkiCertPermissions600 } from './pki-cert-permissions-600.js';
import { pkiKeyPermissions } from './pki-key-permissions.js';
import { kubeletServiceFilePermissions } from './kubelet-service-file-permissions.js';
import { kubeletServiceFilePermissions644 } from './kubelet-service-file-permissions-644.js';
import { kubeletServiceFileOwnership } from './kubelet-service-file-ownership.js';
import { proxyKubeconfigPermissions } from './proxy-kubeconfig-permissions.js';
import { proxyKubeconfigPermissions644 } from './proxy-kubeconfig-permissions-644.js';
import { proxyKubeconfigOwnership } from './proxy-kubeconfig-ownership.js';
import { kubeletKubeconfigPermissions } from './kubelet-kubeconfig-permissions.js';
import { kubeletKubeconfigPermissions644 } from './kubelet-kubeconfig-permissions-644.js';
import { kubeletKubeconfigOwnership } from './kubelet-kubeconfig-ownership.js';
import { kubeletClientCaPermissions } from './kubelet-client-ca-permissions.js';
import { kubeletClientCaPermissions600 } from './kubelet-client-ca-permissions-600.js';
import { kubeletClientCaOwnership } from './kubelet-client-ca-ownership.js';
import { kubeletConfigFilePermissions } from './kubelet-config-file-permissions.js';
import { kubeletConfigFilePermissions644 } from './kubelet-config-file-permissions-644.js';
import { kubeletConfigFileOwnership } from './kubelet-config-file-ownership.js';

/** File permission and ownership checks (CIS 1.1.x, 4.1.x; STIG file rules). */
export const nodeFileControls: readonly Control[] = [
  apiserverPodSpecPermissions,
  apiserverPodSpecOwnership,
  controllerManagerPodSpecPermissions,
  controllerManagerPodSpecOwnership,
  schedulerPodSpecPermissions,
  schedulerPodSpecOwnership,
  etcdPodSpecPermissions,
  etcdPodSpecOwnership,
  staticPodManifestsPermissions,
  staticPodManifestsOwnership,
  cniConfigPermissions,
  cniConfigOwnership,
  etcdDataDirPermissions,
  etcdDataDirOwnership,
  etcdDataFilesPermissions,
  etcdDataFilesOwnership,
  adminKubeconfigPermissions,
  adminKubeconfigOwnership,
  schedulerKubeconfigPermissions,
  schedulerKubeconfigOwnership,
  controllerManagerKubeconfigPermissions,
  controllerManagerKubeconfigOwnership,
  controlPlaneKubeconfigsPermissions,
  pkiOwnership,
  pkiCertPermissions,
  pkiCertPermissions600,
  pkiKeyPermissions,
  kubeletServiceFilePermissions,
  kubeletServiceFilePermissions644,
  kubeletServiceFileOwnership,
  proxyKubeconfigPermissions,
  proxyKubeconfigPermissions644,
  proxyKubeconfigOwnership,
  kubeletKubeconfigPermissions,
  kubeletKubeconfigPermissions644,
  kubeletKubeconfigOwnership,
  kubeletClientCaPermissions,
  kubeletClientCaPermissions600,
  kubeletClientCaOwnership,
  kubeletConfigFilePermissions,
  kubeletConfigFilePermissions644,
  kubeletConfigFileOwnership,
];
