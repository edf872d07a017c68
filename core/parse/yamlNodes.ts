/**
 * The yaml library's node tests, read once. They run for every node of every report (locate, the
 * cell reader, the key walk). With the library's CommonJS build, every call of a function imported
 * by name went through a getter in a bundle; the bundles now take its ES module build (esbuild.mjs,
 * `yamlWithoutEnvReads`), where they are plain bindings, and reading them here keeps the core
 * independent of which build a bundler picks.
 */
import * as yaml from 'yaml';

export const isAlias = yaml.isAlias;
export const isMap = yaml.isMap;
export const isPair = yaml.isPair;
export const isScalar = yaml.isScalar;
export const isSeq = yaml.isSeq;
