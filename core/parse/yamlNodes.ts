/**
 * The yaml library's node tests, read once. The library is CommonJS: in a bundle, every call of
 * a function imported from it by name goes through a getter, and these run for every node of
 * every report (locate, the cell reader, the key walk).
 */
import * as yaml from 'yaml';

export const isAlias = yaml.isAlias;
export const isMap = yaml.isMap;
export const isPair = yaml.isPair;
export const isScalar = yaml.isScalar;
export const isSeq = yaml.isSeq;
