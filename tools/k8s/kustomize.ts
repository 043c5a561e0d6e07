import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from './manifests';

/**
 * A renderer for the part of Kustomize infra/k8s uses (no kustomize binary here): `resources`
 * (files, and directories with a kustomization.yaml, rendered first), `patches` (strategic-merge
 * patch files: each document patches the object of its kind and name; lists of objects with a
 * `name` merge by name, other lists are replaced), `namespace`, `labels` (metadata only,
 * includeSelectors: false) and `images` (newName, newTag). Anything else in a kustomization is
 * refused, so a file that relies on a feature this does not implement fails instead of rendering wrong.
 */
const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'patches', 'namespace', 'labels', 'images']);
/** Kinds that live outside namespaces (of those Kustomize knows); everything else gets the namespace. */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass']);

interface Kustomization {
  resources?: string[];
  patches?: { path: string }[];
  namespace?: string;
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean }[];
  images?: { name: string; newName?: string; newTag?: string }[];
}

export function readYamlDocuments(file: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const document of documents) {
    if (document.errors.length) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
  }
  return documents.map((d) => d.toJS() as unknown).filter((d) => d !== null);
}

export function renderKustomization(dir: string): K8sObject[] {
  const file = path.join(dir, 'kustomization.yaml');
  if (!existsSync(file)) throw new Error(`${dir}: no kustomization.yaml`);
  const [kustomization] = readYamlDocuments(file) as (Kustomization & Record<string, unknown>)[];
  const unknown = Object.keys(kustomization).filter((key) => !SUPPORTED.has(key));
  if (unknown.length) throw new Error(`${file}: ${unknown.join(', ')} not supported by tools/k8s/kustomize.ts`);
  let objects: K8sObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const target = path.resolve(dir, resource);
    if (!existsSync(target)) throw new Error(`${file}: resource ${resource} does not exist`);
    objects.push(...(statSync(target).isDirectory() ? renderKustomization(target) : (readYamlDocuments(target) as K8sObject[])));
  }
  for (const { path: patchFile } of kustomization.patches ?? []) {
    for (const patch of readYamlDocuments(path.resolve(dir, patchFile)) as K8sObject[]) {
      const index = objects.findIndex((o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
      if (index < 0) throw new Error(`${file}: patch ${patchFile} targets ${patch.kind}/${patch.metadata.name}, which no resource defines`);
      objects[index] = strategicMerge(objects[index], patch) as K8sObject;
    }
  }
  for (const { pairs } of kustomization.labels ?? []) {
    objects = objects.map((o) => ({ ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, ...pairs } } }));
  }
  if (kustomization.namespace) {
    objects = objects.map((o) => (CLUSTER_SCOPED.has(o.kind) ? o : { ...o, metadata: { ...o.metadata, namespace: kustomization.namespace } }));
  }
  for (const image of kustomization.images ?? []) objects = objects.map((o) => replaceImages(o, image) as K8sObject);
  const seen = new Set<string>();
  for (const o of objects) {
    const key = `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    if (seen.has(key)) throw new Error(`${dir}: ${key} defined twice`);
    seen.add(key);
  }
  return objects;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Kubernetes' strategic merge for the cases used: maps merge, lists of named objects merge by name, other lists are replaced. */
export function strategicMerge(base: unknown, patch: unknown): unknown {
  if (isObject(base) && isObject(patch)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) merged[key] = key in base ? strategicMerge(base[key], value) : value;
    return merged;
  }
  if (Array.isArray(base) && Array.isArray(patch) && patch.every((p) => isObject(p) && typeof p.name === 'string') && base.every((b) => isObject(b) && typeof b.name === 'string')) {
    const merged = [...base] as Record<string, unknown>[];
    for (const item of patch as Record<string, unknown>[]) {
      const at = merged.findIndex((b) => b.name === item.name);
      // An entry's value and valueFrom exclude each other: the patch's form wins whole.
      if (at >= 0) merged[at] = 'value' in item || 'valueFrom' in item ? item : (strategicMerge(merged[at], item) as Record<string, unknown>);
      else merged.push(item);
    }
    return merged;
  }
  return patch;
}

function replaceImages(value: unknown, image: { name: string; newName?: string; newTag?: string }): unknown {
  if (Array.isArray(value)) return value.map((v) => replaceImages(v, image));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'image' && typeof v === 'string') {
      const [name, tag] = v.split(':');
      out[key] = name === image.name ? `${image.newName ?? name}:${image.newTag ?? tag ?? 'latest'}` : v;
    } else out[key] = replaceImages(v, image);
  }
  return out;
}
